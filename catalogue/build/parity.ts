/**
 * @module Editions of one explainer tell the same story: the same cards, the same sources, as
 * many key facts and the same timeline dates as the default edition. Anything else means an
 * edition has drifted (a card added in one language only, a source dropped in translation).
 */
import type { Explainer } from '../schema.ts';

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Problems of `edition` against `reference` (the default edition), as `field: message` lines.
 *
 * @example parityProblems(en, ru) // → ['background: card ids are …, not … as in en.json']
 */
export function parityProblems(reference: Explainer, edition: Explainer): string[] {
  const problems: string[] = [];
  const ref = `${reference.lang}.json`;
  const check = (field: string, what: string, a: readonly unknown[], b: readonly unknown[]) => {
    if (!same(a, b)) problems.push(`${field}: ${what} are ${b.join(', ')}, not ${a.join(', ')} as in ${ref}`);
  };
  check(
    'background',
    'card ids',
    reference.background.map((c) => c.id),
    edition.background.map((c) => c.id),
  );
  check(
    'sources',
    'source ids',
    reference.sources.map((s) => s.id),
    edition.sources.map((s) => s.id),
  );
  check(
    'timeline',
    'event dates',
    reference.timeline.map((e) => e.date),
    edition.timeline.map((e) => e.date),
  );
  if (reference.keyFacts.length !== edition.keyFacts.length)
    problems.push(`keyFacts: ${edition.keyFacts.length} key facts, not ${reference.keyFacts.length} as in ${ref}`);
  return problems;
}
