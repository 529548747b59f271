/**
 * @module Editorial warnings: what a machine can tell about readability, reported by the build
 * without failing it (an editor may have a reason). Errors live in the schema.
 */
import { proseFields, type Path } from '../prose.ts';
import type { Explainer } from '../schema.ts';

/** Sentences longer than this draw a warning; the editorial guide aims for 30 words or fewer. */
export const MAX_SENTENCE_WORDS = 35;
/** The first paragraph of "Why it matters" stands on the first screen: keep it short. */
export const MAX_LEAD_CHARS = 300;

export interface Warning {
  path: Path;
  message: string;
}

/** Sentence ends: . ! ? (and closing quotes) before a space and a capital letter or digit. */
const SENTENCE_END = /(?<=[.!?][»”’"')]?)\s+(?=[«“‘"(]?[\p{Lu}\d])/u;

/**
 * The sentences of one text, each with its word count.
 *
 * @example sentences('One two. Three.') // → [['One two.', 2], ['Three.', 1]]
 */
export function sentences(text: string): [string, number][] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => [s, s.split(/\s+/).length]);
}

/** Readability warnings for one document. */
export function lintDocument(doc: Explainer): Warning[] {
  const warnings: Warning[] = [];
  for (const { text, path } of proseFields(doc))
    for (const [sentence, words] of sentences(text))
      if (words > MAX_SENTENCE_WORDS)
        warnings.push({
          path,
          message: `a sentence of ${words} words (over ${MAX_SENTENCE_WORDS}): "${sentence.slice(0, 60)}…"`,
        });
  const lead = doc.whyItMatters.body[0]?.text ?? '';
  if (lead.length > MAX_LEAD_CHARS)
    warnings.push({
      path: ['whyItMatters', 'body', 0],
      message: `${lead.length} characters: the first paragraph stands on the first screen, keep it under ${MAX_LEAD_CHARS}`,
    });
  return warnings;
}
