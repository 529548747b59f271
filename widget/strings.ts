/**
 * @module The widget's strings for an edition. English ships in embed.js; any other language's
 * strings are fetched once per page as JSON (`/v1/strings/<lang>.json`), so no reader downloads
 * the words of languages they do not read.
 */
import { en, type Strings } from '../ui/strings/en.ts';

const loaded = new Map<string, Promise<Strings>>([['en', Promise.resolve(en)]]);
/** Words already here, for what must render at once (the loading state, the fallback). */
const ready = new Map<string, Strings>([['en', en]]);

/** The primary language of a tag: `ru-RU` → `ru`. */
export const primary = (lang: string) => lang.split('-')[0]!.toLowerCase();

/** The words for `lang` if they are already here, else English. */
export function stringsNow(lang: string | null): Strings {
  return (lang && ready.get(primary(lang))) || en;
}

/**
 * The words for `lang`, fetched from `origin` at most once per page. A language we have no
 * words for, or a failed request, gives English: the explainer still shows.
 */
export function loadStrings(origin: string, lang: string): Promise<Strings> {
  const key = primary(lang);
  let words = loaded.get(key);
  if (!words) {
    words = fetch(`${origin}/v1/strings/${encodeURIComponent(key)}.json`, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
      .then((res) => (res.ok ? (res.json() as Promise<Strings | null>) : en))
      .then((t) => (t && typeof t.kicker === 'string' ? t : en))
      .catch(() => en)
      .then((t) => (ready.set(key, t), t));
    loaded.set(key, words);
  }
  return words;
}
