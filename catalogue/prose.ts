/**
 * @module The one walker over an edition's prose: every text a reader reads as sentences, with
 * where it stands. The schema checks its inline citations, the lint its sentences, the tests
 * its wording, all from this one list.
 */
import type { Inline } from './inline.ts';

export type Path = (string | number)[];

interface Rich {
  text: string;
  runs: Inline[];
}

/** The shape of a compiled edition that holds prose (the schema's output type has it). */
export interface WithProse {
  summary: string;
  keyFacts: readonly Rich[];
  whyItMatters: { body: readonly Rich[] };
  background: readonly { summary: string; body: readonly Rich[] }[];
  timeline: readonly Rich[];
  corrections: readonly Rich[];
}

/** One prose field: its plain text, its inline runs when authored with markup, and its path. */
export interface ProseField {
  text: string;
  runs?: Inline[];
  path: Path;
}

/**
 * Every prose field of an edition, in reading order.
 *
 * @example proseFields(doc).map((f) => f.text) // [summary, key facts…, why it matters…, cards…]
 */
export function proseFields(doc: WithProse): ProseField[] {
  const rich = (r: Rich, path: Path): ProseField => ({ text: r.text, runs: r.runs, path });
  return [
    { text: doc.summary, path: ['summary'] },
    ...doc.keyFacts.map((f, i) => rich(f, ['keyFacts', i, 'text'])),
    ...doc.whyItMatters.body.map((p, i) => rich(p, ['whyItMatters', 'body', i])),
    ...doc.background.flatMap((c, i) => [
      { text: c.summary, path: ['background', i, 'summary'] },
      ...c.body.map((p, j) => rich(p, ['background', i, 'body', j])),
    ]),
    ...doc.timeline.map((e, i) => rich(e, ['timeline', i, 'text'])),
    ...doc.corrections.map((c, i) => rich(c, ['corrections', i, 'text'])),
  ];
}
