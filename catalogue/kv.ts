/**
 * @module The catalogue's shape in Workers KV, shared by the content build (which writes it)
 * and the Worker (which reads it). Keys are small and bounded:
 * - `explainer:<id>:<lang>`: the edition's exact JSON response bytes; metadata `{ etag, text,
 *   revisions }` (`text` hashes what readers read, without `updatedAt` and `revisions`);
 * - `explainer:<id>`: `{ defaultLang, langs }`, so a request without `?lang` needs no scan;
 * - `index`: every explainer, ordered by first publication (stable while explainers are
 *   corrected, so cursors stay valid), with each edition's title and summary;
 * - `widget:<hash>`: every released embed.js, kept (never deleted) for pages pinned with SRI.
 */

export const editionKey = (id: string, lang: string) => `explainer:${id}:${lang}`;
export const explainerKey = (id: string) => `explainer:${id}`;
export const INDEX_KEY = 'index';
/** A released widget build (embed.js), kept for pages that pinned its hash with SRI. */
export const widgetKey = (hash: string) => `widget:${hash}`;

/** One explainer in the stored index (the API pages through these). */
export interface StoredIndexEntry {
  id: string;
  /** First publication (the earliest first revision of its editions): the catalogue's order. */
  publishedAt: string;
  updatedAt: string;
  lang: string;
  languages: string[];
  /**
   * Title and summary of each edition, its review date, its latest revision's date and how many
   * revisions it has (so the index, and its ETag, change with every correction, even same-day).
   */
  editions: Record<string, { title: string; summary: string; updatedAt: string; revisedAt: string; revisions: number }>;
}
