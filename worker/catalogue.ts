/**
 * @module Looking up compiled explainers. Lookups only: the content build did all parsing.
 */
import { LANG, SLUG } from '../content/patterns.ts';
import type { CompiledDocument } from '../content/compiled.ts';
import { content } from '../generated/content.ts';
import { badRequest, notFound } from './problem.ts';

/**
 * The document for `id` in `lang` (or the explainer's default language), or a problem:
 * 400 for a malformed id or language, 404 for an unknown one.
 *
 * @example
 * const doc = findDocument('putin-baku-2024', undefined); // → English document
 */
export function findDocument(id: string, requestedLang: string | undefined): CompiledDocument {
  const lang = requestedLang === undefined ? undefined : canonicalLang(requestedLang);
  if (!SLUG.test(id))
    throw badRequest(`"${id.slice(0, 80)}" is not a valid explainer id: use lowercase letters, digits and hyphens.`);
  if (lang !== undefined && !LANG.test(lang))
    throw badRequest(`"${lang.slice(0, 20)}" is not a valid language tag, e.g. "en".`);
  const explainer = content.explainers[id];
  if (!explainer) throw notFound(`No explainer with id "${id}". GET /v1/explainers lists them.`);
  // RFC 4647 lookup: `ru-RU` finds the `ru` edition when there is no `ru-RU` one.
  const doc =
    explainer.langs[lang ?? explainer.defaultLang] ?? (lang ? explainer.langs[lang.split('-')[0]!] : undefined);
  if (!doc)
    throw notFound(
      `Explainer "${id}" is not available in "${lang}"; available: ${Object.keys(explainer.langs).join(', ')}.`,
    );
  return doc;
}

/** Language tags are case-insensitive (RFC 5646): `EN` and `pt-br` mean `en` and `pt-BR`. */
function canonicalLang(tag: string): string {
  const [primary = '', region] = tag.split('-');
  return region === undefined ? primary.toLowerCase() : `${primary.toLowerCase()}-${region.toUpperCase()}`;
}

/** The languages an explainer is published in, its default first. */
export function editionsOf(id: string): string[] {
  const explainer = content.explainers[id];
  if (!explainer) return [];
  return [explainer.defaultLang, ...Object.keys(explainer.langs).filter((l) => l !== explainer.defaultLang)];
}

export const explainerCount = Object.keys(content.explainers).length;
