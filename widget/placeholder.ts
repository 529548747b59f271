/**
 * @module The stand-in document the loading state renders: the compact layout filled with
 * blank words of typical lengths, so the space reserved before the data arrives has the shape
 * of any explainer in that layout, and wraps at every width as real text would.
 */
import type { Explainer } from '../catalogue/schema.ts';

/** `n` blank words of average English length (five letters and a space). */
const words = (n: number) => Array(n).fill('xxxxx').join(' ');

/** Typical lengths (words) from the editorial guide: a fact is one sentence, a title a line.
 * No citations: a marker is a few characters, and every node here costs the host page. */
function cited(n: number) {
  const text = words(n);
  return { text, runs: [{ type: 'text' as const, text }], sources: [] };
}

export function placeholderDoc(): Explainer {
  const para = (n: number) => ({ text: words(n), runs: [{ type: 'text' as const, text: words(n) }] });
  return {
    id: '',
    lang: 'en',
    title: words(7),
    summary: words(27),
    updatedAt: '2024-01-01',
    article: { title: '', publisher: '', date: '2024-01-01' },
    keyFacts: Array.from({ length: 8 }, () => cited(22)),
    whyItMatters: { body: [para(38), para(1)], sources: [] },
    background: Array.from({ length: 7 }, (_, i) => ({
      id: `c${i}`,
      title: words(4),
      summary: '',
      asOf: '2024-01-01',
      body: [],
      sources: [],
    })),
    timeline: [],
    sources: [],
    corrections: [cited(1)],
    revisions: [{ date: '2024-01-01', note: '' }],
  };
}
