/**
 * @module Filling the widget's strings: `{name}` slots and plural forms.
 */
import type { Strings } from './en.ts';

/**
 * Fills `{name}` slots.
 *
 * @example fill('Source {n}: {publisher}', { n: 3, publisher: 'TASS' }) // → "Source 3: TASS"
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Which plural form a number takes, by the language's rule (CLDR's, for whole numbers). */
function form(rule: string, n: number): number {
  if (rule === 'east-slavic') {
    const ten = n % 10;
    const hundred = n % 100;
    if (ten === 1 && hundred !== 11) return 0;
    return ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? 1 : 2;
  }
  return n === 1 ? 0 : 1;
}

/**
 * A counted phrase in the right plural form.
 *
 * @example count(en, en.nSources, 10) // → "10 sources"
 */
export function count(t: Strings, forms: readonly string[], n: number): string {
  return fill(forms[form(t.plural, n)] ?? forms.at(-1)!, { n });
}
