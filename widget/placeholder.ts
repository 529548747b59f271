/**
 * @module The stand-in document the loading state renders: the compact layout filled with
 * blank words of typical lengths, so the space reserved before the data arrives has the shape
 * of any explainer in that layout, and wraps at every width as real text would.
 */
import type { Card, Explainer } from '../catalogue/schema.ts';

/** `n` blank words of average English length (five letters and a space). */
const words = (n: number) => 'xxxxx '.repeat(n).trim();

/** Typical lengths (words) from the editorial guide: a fact is one sentence, a title a line.
 * No citations: a marker is a few characters, and every node here costs the host page. */
function cited(n: number) {
  const text = words(n);
  return { text, runs: [{ type: 'text' as const, text }], sources: [] };
}

const DATE = '2024-01-01';

/**
 * What the loading state reads: what only closed disclosures show (the reported article, a
 * card's summary and sources) is left out, as the loading state never builds them.
 */
type Shown = Omit<Explainer, 'article' | 'background'> & { background: Omit<Card, 'summary' | 'sources'>[] };

export function placeholderDoc(): Explainer {
  const doc: Shown = {
    id: '',
    lang: 'en',
    title: words(7),
    summary: words(27),
    updatedAt: DATE,
    keyFacts: Array<ReturnType<typeof cited>>(8).fill(cited(22)),
    whyItMatters: { body: [cited(38), cited(1)], sources: [] },
    background: Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, title: words(4), asOf: DATE, body: [] })),
    timeline: [],
    sources: [],
    corrections: [cited(1)],
    // A single revision (the first publication) shows nothing, as none does.
    revisions: [],
  };
  return doc as Explainer;
}
