/**
 * @module Looking up published explainers in the catalogue (Workers KV). Lookups only: the
 * content build did all validation and serialization, and bodies are served as stored.
 */
import { SLUG } from '../catalogue/patterns.ts';
import { editionKey, explainerKey, INDEX_KEY, type StoredIndexEntry } from '../catalogue/kv.ts';
import type { Explainer } from '../catalogue/schema.ts';
import { readKv } from './kv.ts';
import { memoKey, remember } from './memo.ts';
import { langParam, lookupLang } from './lang.ts';
import { badRequest, ProblemError } from './problem.tsx';

/** One published edition: where it is stored, its version there, its exact JSON text and the parsed document. */
export interface Edition {
  /** Its catalogue key (`explainer:<id>:<lang>`). */
  key: string;
  /** The version content:publish stored with it: changes with every byte of the edition. */
  version: string;
  body: string;
  /** Parsed once per isolate and ETag, for the server renderings. */
  data: Explainer;
}

interface ExplainerMeta {
  defaultLang: string;
  langs: string[];
}

async function readMeta(kv: KVNamespace, id: string): Promise<ExplainerMeta | null> {
  const stored = await readKv(kv, explainerKey(id));
  return (
    stored &&
    remember(
      memoKey.parsed<ExplainerMeta>(explainerKey(id), stored.version),
      () => JSON.parse(stored.value) as ExplainerMeta,
    )
  );
}

/**
 * The edition of `id` in `lang` (or the explainer's default language), or a problem: 400 for
 * a malformed id or language, 404 for an unknown one (listing the editions there are), 503
 * when the catalogue cannot be read.
 *
 * @example
 * const doc = await findDocument(env.EXPLAINERS, 'putin-baku-2024', 'ru');
 */
export async function findDocument(kv: KVNamespace, id: string, requestedLang: string | undefined): Promise<Edition> {
  if (!SLUG.test(id))
    throw badRequest(`"${id.slice(0, 80)}" is not a valid explainer id: use lowercase letters, digits and hyphens.`);
  const lang = langParam(requestedLang);
  const meta = await readMeta(kv, id);
  if (!meta)
    throw new ProblemError('unknown-explainer', `No explainer with id "${id}". GET /v1/explainers lists them.`);
  // RFC 4647 lookup: `ru-RU` finds the `ru` edition when there is no `ru-RU` one.
  const chosen = lang === undefined ? meta.defaultLang : lookupLang(lang, meta.langs);
  const stored = chosen ? await readKv(kv, editionKey(id, chosen)) : null;
  if (!stored)
    throw new ProblemError(
      'edition-not-available',
      `Explainer "${id}" is not available in "${lang}"; available: ${meta.langs.join(', ')}.`,
      {},
      { available: meta.langs },
    );
  const key = editionKey(id, chosen!);
  return {
    key,
    version: stored.version,
    body: stored.value,
    data: remember(memoKey.parsed<Explainer>(key, stored.version), () => JSON.parse(stored.value) as Explainer),
  };
}

/** The languages an explainer is published in, its default first. */
export async function editionsOf(kv: KVNamespace, id: string): Promise<string[]> {
  const meta = await readMeta(kv, id);
  return meta ? [meta.defaultLang, ...meta.langs.filter((l) => l !== meta.defaultLang)] : [];
}

/** The stored index (every explainer, by first publication) and its stored version. */
export async function readIndex(kv: KVNamespace): Promise<{ version: string; entries: StoredIndexEntry[] }> {
  const stored = await readKv(kv, INDEX_KEY);
  if (!stored) return { version: 'empty', entries: [] };
  return {
    version: stored.version,
    entries: remember(
      memoKey.parsed<StoredIndexEntry[]>(INDEX_KEY, stored.version),
      () => JSON.parse(stored.value) as StoredIndexEntry[],
    ),
  };
}
