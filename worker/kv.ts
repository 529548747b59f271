/**
 * @module Reading the catalogue from Workers KV, with a short in-isolate cache.
 *
 * Hot explainers are served from memory for a few seconds (a publish is seen within
 * `FRESH_MS` plus KV's own propagation), then read again. Only resolved values are shared
 * between requests, never a pending KV read: a promise of I/O started by one request and
 * awaited by another hangs when the first request ends (the soak test caught it: the runtime
 * cancelled such requests as "hung"). A KV failure is a 503 problem with Retry-After.
 */
import { etagOf } from './etag.ts';
import { ProblemError } from './problem.tsx';

/** How long a value read from KV is served from memory. */
export const FRESH_MS = 5_000;
/** Entries kept in memory per isolate; the oldest reads are dropped first beyond this (a dropped
 * entry only costs one more KV read: values derived from it live in memo.ts). */
const MAX_ENTRIES = 2_000;

export interface Stored {
  value: string;
  /** What content:publish stored as the value's hash; derived values are keyed by it. */
  version: string;
}

const cache = new Map<string, { at: number; stored: Stored | null }>();

/**
 * The value and version stored under `key`, or null when there is none.
 *
 * @example const doc = await readKv(env.EXPLAINERS, 'explainer:putin-baku-2024:en');
 */
export async function readKv(kv: KVNamespace, key: string): Promise<Stored | null> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.stored;
  let stored: Stored | null;
  try {
    const { value, metadata } = await kv.getWithMetadata<{ etag?: string }>(key, 'text');
    // A value written without metadata (by hand) still gets a version that changes with it.
    stored =
      value === null ? null : { value, version: metadata?.etag ?? (await etagOf(new TextEncoder().encode(value))) };
  } catch (err) {
    console.error('KV read failed', key, err);
    throw new ProblemError('catalogue-unavailable', 'The catalogue could not be read; try again shortly.', {
      'Retry-After': '5',
    });
  }
  cache.delete(key); // re-inserted last: Map order is then oldest first
  cache.set(key, { at: Date.now(), stored });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return stored;
}
