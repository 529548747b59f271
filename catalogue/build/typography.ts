/**
 * @module Typography per language, applied by the build after its checks: no-break spaces
 * and joins where each language's typography needs them, so that the widget, the pages, the
 * snippet and the JSON (they all render the compiled text) never break a line between a
 * number and its unit, a day and its month, after a one-letter word, or inside a range.
 * Authors write plain spaces (the checks refuse these characters in authored text).
 */
import type { Explainer } from '../schema.ts';

/** U+00A0: a space no line breaks at. */
export const NBSP = '\u00a0';
/** U+2060: joins two characters that a line could otherwise break between (after a dash). */
export const WORD_JOINER = '\u2060';

type Rule = [RegExp, string];

/** A range of numbers (`18–19`, `1993–2003`) never breaks at its dash. */
const RANGE: Rule = [/(\d)–(?=\d)/g, `$1–${WORD_JOINER}`];

const RULES: Record<string, Rule[]> = {
  en: [
    RANGE,
    // A day and its month, a month and its year: "18 August", "August 2024", "18 August 2024".
    [
      /(\d{1,2}) (?=(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/g,
      `$1${NBSP}`,
    ],
    [
      /\b((?:January|February|March|April|May|June|July|August|September|October|November|December)) (?=\d{4}\b)/g,
      `$1${NBSP}`,
    ],
    // A number and its unit or scale: "20 billion", "3,500 km", "44 days".
    [/(\d) (?=(?:billion|million|trillion|bcm|km|per cent|days|years|percent)\b)/g, `$1${NBSP}`],
  ],
  ru: [
    RANGE,
    // A number and what counts it: «2024 года», «2003 г.», «20 млрд», «3500 км», «18 августа».
    [
      /(\d) (?=(?:года|году|годах|годов|год|г\.|гг\.|млрд|млн|трлн|тыс\.|км|м³|%|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?![а-яё]))/g,
      `$1${NBSP}`,
    ],
    // A one-letter preposition or conjunction keeps to the next word: «в Баку», «и Армения».
    [/(^|[\s(«„"])([ВвКкСсУуОоИиАаЯя]) /g, `$1$2${NBSP}`],
    // A dash never starts a line: «Баку — столица».
    [/ —/g, `${NBSP}—`],
  ],
};

/** `text` with the typography of `lang` (primary subtag; unknown languages get ranges only). */
export function typesetText(text: string, lang: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES[lang.split('-')[0]!] ?? [RANGE]) {
    // Twice: a match consumes the space it replaces, so adjacent cases ("в и") need a second pass.
    out = out.replace(pattern, replacement).replace(pattern, replacement);
  }
  return out;
}

/** The fields whose strings are prose a reader reads (never ids, URLs, dates or languages). */
const PROSE_KEYS = new Set(['title', 'summary', 'text', 'note', 'publisher', 'dateNote']);

function walk(value: unknown, lang: string, key: string): unknown {
  if (typeof value === 'string') return PROSE_KEYS.has(key) ? typesetText(value, lang) : value;
  if (Array.isArray(value)) return value.map((v) => walk(v, lang, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, lang, k)]));
  return value;
}

/**
 * A compiled edition with its language's typography in every prose field (inline runs
 * included, so `text` stays the join of its runs).
 *
 * @example typeset(doc).keyFacts[0].text // "… on 18 August 2024" with no-break spaces
 */
export function typeset(doc: Explainer): Explainer {
  return walk(doc, doc.lang, '') as Explainer;
}
