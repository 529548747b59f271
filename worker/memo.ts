/**
 * @module The one in-isolate memo: values derived from stored or built bytes (parsed JSON,
 * rendered pages, encoded bodies and their ETags), computed once per isolate and version.
 *
 * Keys come only from the typed builders in `memoKey`: each names what produced the value
 * (a kind and that kind's inputs, already validated and normalised by the route), never a raw
 * request URL or anything a client can choose freely. Bounded, least-recently-used first: a
 * hot entry is touched on every hit and so outlives any number of one-off entries.
 */

/** A memo key that also carries the type of the value stored under it. */
export type MemoKey<T> = string & { readonly __memoValue?: T };

/** Entries kept per isolate; the least recently used are dropped beyond this. */
export const MEMO_ENTRIES = 2_000;

const entries = new Map<string, unknown>();

/** Joins a kind and its inputs with a separator no input contains (inputs are validated text). */
function key<T>(kind: string, ...parts: readonly (string | number)[]): MemoKey<T> {
  return [kind, ...parts].join('\u001f');
}

/** Every kind of memo entry, with the inputs that determine it. */
export const memoKey = {
  /** A JSON value parsed from a catalogue entry: its KV key and the stored version. */
  parsed: <T>(kvKey: string, version: string) => key<T>('parsed', kvKey, version),
  /** A response body rendered or encoded once: what produced it, as the route's own inputs. */
  body: (kind: BodyKind, ...inputs: readonly (string | number)[]) => key<PreparedBody>(`body:${kind}`, ...inputs),
  /** Every language any explainer of the index has, per index version. */
  languages: (indexVersion: string) => key<string[]>('languages', indexVersion),
  /** The editions the revisions feed reads, in the order it reads them, per index version and language. */
  feedEditions: (indexVersion: string, lang: string) =>
    key<{ id: string; lang: string; revisedAt: string }[]>('feed-editions', indexVersion, lang),
  /** The hash identifying an edition's server rendering (rendering.tsx). */
  rendering: (kvKey: string, version: string) => key<string>('rendering', kvKey, version),
  /** Markup rendered once and used inside other, uncached responses (the embed builder's snippet). */
  markup: (kind: 'builder-snippet', ...inputs: readonly (string | number)[]) =>
    key<string>(`markup:${kind}`, ...inputs),
} as const;

/** The bodies routes prepare, one kind each (so two routes can never share a key by accident). */
export type BodyKind =
  | 'edition'
  | 'index-page'
  | 'revisions-feed'
  | 'explainer-page'
  | 'snippet'
  | 'demo'
  | 'docs'
  | 'home'
  | 'asset'
  | 'widget-release'
  | 'problem-page';

/** A body's exact bytes and the strong ETag over them. */
export interface PreparedBody {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** The value under `k`, made by `make` on a miss. Only resolved values are kept (see kv.ts). */
export function remember<T>(k: MemoKey<T>, make: () => T): T {
  if (entries.has(k)) {
    const hit = entries.get(k) as T;
    entries.delete(k); // re-inserted last: Map order is then least recently used first
    entries.set(k, hit);
    return hit;
  }
  const value = make();
  store(k, value);
  return value;
}

/**
 * Like `remember`, for values made asynchronously (hashing). Concurrent misses each make the
 * value; a pending promise is never shared across requests (workerd cancels I/O awaited by a
 * request that did not start it).
 */
export async function rememberAsync<T>(k: MemoKey<T>, make: () => Promise<T>): Promise<T> {
  if (entries.has(k)) return remember(k, () => entries.get(k) as T);
  const value = await make();
  store(k, value);
  return value;
}

function store(k: string, value: unknown): void {
  entries.set(k, value);
  if (entries.size > MEMO_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** How many entries the memo holds (tests prove that no request can grow it without bound). */
export const memoSize = (): number => entries.size;
