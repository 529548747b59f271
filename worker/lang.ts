/**
 * @module Language tags as clients send them: any well-formed BCP 47 tag, matched against an
 * explainer's editions by RFC 4647 lookup (`ru-RU` finds `ru`, `zh-Hant-TW` tries `zh-Hant`,
 * then `zh`), case-insensitively.
 */
import { badRequest } from './problem.tsx';

/** A BCP 47 tag's shape: a 2–3 letter language, then subtags of 1–8 letters or digits. */
export const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * The `lang` a client sent, checked; a 400 problem quoting it (as sent) when it is no tag.
 *
 * @example langParam('ru-RU') // → 'ru-RU'
 */
export function langParam(raw: string | undefined): string | undefined {
  if (raw === undefined || (raw.length <= 35 && LANG_TAG.test(raw))) return raw;
  throw badRequest(`"lang" must be a language tag (BCP 47) such as "en" or "pt-BR"; got "${raw.slice(0, 35)}".`);
}

/**
 * RFC 4647 lookup: the first of `available` named by `tag` or by a prefix of it.
 *
 * @example lookupLang('ru-RU', ['en', 'ru']) // → 'ru'
 */
export function lookupLang(tag: string, available: readonly string[]): string | undefined {
  const lower = available.map((l) => l.toLowerCase());
  for (const parts = tag.toLowerCase().split('-'); parts.length > 0; parts.pop()) {
    const i = lower.indexOf(parts.join('-'));
    if (i >= 0) return available[i];
  }
  return undefined;
}
