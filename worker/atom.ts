/**
 * @module The Atom feed of corrections and updates (RFC 4287), as text: its words in each
 * edition language, the one XML escaper, and the document made from entries the route
 * collected (routes/revisions.ts). Text is never markup here: every value goes through `xml()`,
 * so no title, note or name can break the document, whatever it says.
 */

/** Where the feed is served. */
export const FEED_PATH = '/v1/revisions.atom';

/** The feed's URL, also its id: `lang` spelled as the catalogue has it (`ru`, for `ru-RU`). */
export const feedUrl = (origin: string, lang?: string): string =>
  `${origin}${FEED_PATH}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;

/** What an entry of the feed tells: a first publication, a correction or an update. */
export type FeedKind = 'publication' | 'correction' | 'update';

/** One entry: one revision of one edition. */
export interface FeedEntry {
  /** The explainer's id and the edition's language, as the catalogue has them. */
  id: string;
  lang: string;
  /** Its place in the edition's revision log, 1 for the first publication: never changes. */
  position: number;
  /** `YYYY-MM-DD`, as the revision log has it. */
  date: string;
  kind: FeedKind;
  /** The edition's title (plain text). */
  title: string;
  /** The revision's note (plain text). */
  note: string;
  approvedBy?: string;
}

/** The feed's words, by primary language subtag; English for any other language. */
const WORDS: Record<string, Record<FeedKind | 'feed' | 'subtitle', string>> = {
  en: {
    publication: 'Published',
    correction: 'Corrected',
    update: 'Updated',
    feed: 'News Explainer: corrections and updates',
    subtitle: 'First publications, corrections and updates of every explainer, newest first.',
  },
  ru: {
    publication: 'Опубликовано',
    correction: 'Исправлено',
    update: 'Обновлено',
    feed: 'News Explainer: исправления и обновления',
    subtitle: 'Первые публикации, исправления и обновления всех объяснений, сначала новые.',
  },
};

const wordsFor = (lang: string) => WORDS[lang.split('-')[0]!.toLowerCase()] ?? WORDS.en!;

/** The feed's title in a language (the explainer page names its feed with it). */
export const feedTitle = (lang: string): string => wordsFor(lang).feed;

/** Every character XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text made safe as XML element content or a quoted attribute value; a character XML cannot
 * carry at all becomes U+FFFD.
 *
 * @example xml(`Fixed <b>&"'`) // → 'Fixed &lt;b&gt;&amp;&quot;&apos;'
 */
export const xml = (text: string): string => text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** A revision's day as an RFC 3339 date-time: revisions are dated, not timed. */
export const instant = (date: string): string => `${date}T00:00:00Z`;

/** Before the first entry of an empty feed, Atom still needs an `updated`: the epoch. */
const NEVER = '1970-01-01T00:00:00Z';

/** The explainer page of one edition, absolute. */
export const editionPage = (origin: string, id: string, lang: string): string =>
  `${origin}/explainers/${id}?lang=${encodeURIComponent(lang)}`;

/** An entry's id: the edition's page and the revision's place in its log, never reused. */
export const entryId = (origin: string, e: Pick<FeedEntry, 'id' | 'lang' | 'position'>): string =>
  `${editionPage(origin, e.id, e.lang)}#revision-${e.position}`;

function entryXml(origin: string, e: FeedEntry): string {
  const words = wordsFor(e.lang);
  const page = editionPage(origin, e.id, e.lang);
  return [
    `  <entry xml:lang="${xml(e.lang)}">`,
    `    <id>${xml(entryId(origin, e))}</id>`,
    `    <title>${xml(`${words[e.kind]}: ${e.title}`)}</title>`,
    `    <updated>${instant(e.date)}</updated>`,
    `    <link rel="alternate" type="text/html" hreflang="${xml(e.lang)}" href="${xml(page)}"/>`,
    `    <category term="${xml(e.kind)}" label="${xml(words[e.kind])}"/>`,
    ...(e.approvedBy ? [`    <contributor><name>${xml(e.approvedBy)}</name></contributor>`] : []),
    `    <summary>${xml(e.note)}</summary>`,
    `  </entry>`,
  ].join('\n');
}

/**
 * The feed document. `self` is the feed's own URL (also its id); `lang` the language it is
 * filtered to, if any (its title and `xml:lang`); `entries` newest first.
 */
export function atomFeed(f: { origin: string; self: string; lang?: string; entries: FeedEntry[] }): string {
  const lang = f.lang && WORDS[f.lang.split('-')[0]!.toLowerCase()] ? f.lang : 'en';
  const words = wordsFor(lang);
  const newest = f.entries[0];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(lang)}">`,
    `  <id>${xml(f.self)}</id>`,
    `  <title>${xml(words.feed)}</title>`,
    `  <subtitle>${xml(words.subtitle)}</subtitle>`,
    `  <updated>${newest ? instant(newest.date) : NEVER}</updated>`,
    `  <author><name>News Explainer</name><uri>${xml(`${f.origin}/`)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${f.origin}/`)}"/>`,
    ...f.entries.map((e) => entryXml(f.origin, e)),
    '</feed>',
    '',
  ].join('\n');
}
