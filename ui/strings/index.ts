/**
 * @module Every language's words, for the server (pages, snippet, `/v1/strings/:lang`).
 * The widget imports only `en.ts`; it fetches any other language's words as JSON.
 */
import { en, type Strings } from './en.ts';
import { ru } from './ru.ts';

export const stringsByLang: Record<string, Strings> = { en, ru };

/** The words for a language tag (`ru-RU` → `ru`), English when we have none. */
export function stringsFor(lang: string): Strings {
  return stringsByLang[lang.split('-')[0]!.toLowerCase()] ?? en;
}

export { en, type Strings };
