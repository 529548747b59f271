/**
 * @module What every component of one explainer needs: its document, its sources by id and
 * number (the Sources list is numbered, and markers cite by number), and the widget's words.
 */
import type { Explainer, Source } from '../catalogue/schema.ts';
import { en, type Strings } from './strings/en.ts';

export interface Ctx {
  doc: Explainer;
  /** Each source with its 1-based number in the Sources list. */
  sources: ReadonlyMap<string, { n: number; source: Source }>;
  t: Strings;
  /** Where the widget collects the contents of closed disclosures, built when opened (ui/Later.tsx). */
  later?: Deferred[];
}

/** A placeholder element, and what replaces it once built. */
export type Deferred = [slot: unknown, build: () => unknown];

/** @example const c = context(doc); c.sources.get('rferl-arrival')?.n // → 1 */
export function context(doc: Explainer, t: Strings = en, later?: Deferred[]): Ctx {
  return { doc, t, later, sources: new Map(doc.sources.map((source, i) => [source.id, { n: i + 1, source }])) };
}
