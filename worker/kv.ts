/**
 * @module Reading the catalogue from Workers KV, with a short in-isolate cache.
 *
 * Hot explainers are served from memory for a few seconds (a publish is seen within
 * `FRESH_MS` plus KV's own propagation), then read again. Only resolved values are shared
 * between requests, never a pending KV read: a promise of I/O started by one request and
 * awaited by another hangs when the first request ends (the soak test caught it: the runtime
 * cancelled such requests as "hung"). A KV failure is a 503 problem with Retry-After.
 */
import { ProblemError } from './problem.ts';

/** How long a value read from KV is served from memory. */
export const FRESH_MS = 5_000;
/** Entries kept in memory per isolate; the oldest are dropped first beyond this. */
const MAX_ENTRIES = 2_000;

export interface Stored {
  value: string;
  etag: string;
}

const cache = new Map<string, { at: number; stored: Stored | null }>();

/**
 * The value and strong ETag stored under `key`, or null when there is none.
 *
 * @example const doc = await readKv(env.EXPLAINERS, 'explainer:putin-baku-2024:en');
 */
export async function readKv(kv: KVNamespace, key: string): Promise<Stored | null> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.stored;
  let stored: Stored | null;
  try {
    const { value, metadata } = await kv.getWithMetadata<{ etag?: string }>(key, 'text');
    stored = value === null ? null : { value, etag: metadata?.etag ?? '' };
  } catch (err) {
    console.error('KV read failed', key, err);
    throw new ProblemError(503, 'Service Unavailable', 'The catalogue could not be read; try again shortly.', {
      'Retry-After': '5',
    });
  }
  cache.delete(key); // re-inserted last: Map order is then oldest first
  cache.set(key, { at: Date.now(), stored });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return stored;
}

/**
 * A value derived from stored bytes (parsed JSON, rendered HTML), kept per strong ETag so it
 * is computed once per isolate and version, never per request.
 *
 * @example const doc = derived(`parsed:${etag}`, () => JSON.parse(value));
 */
export function derived<T>(key: string, make: () => T): T {
  let value = memo.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    memo.set(key, value);
    if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  }
  return value;
}
const memo = new Map<string, unknown>();
