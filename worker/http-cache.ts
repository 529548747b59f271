/**
 * @module Conditional, cacheable responses for bodies prepared at build time.
 */
import { derived } from './kv.ts';

/** Cache policies, by how fast the bytes may change. */
export const CACHE = {
  /** Explainers and the index: browsers revalidate within a minute; the edge serves stale while refetching. */
  content: 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400',
  /** The moving embed.js alias: short, so a release reaches every page within minutes. */
  alias: 'public, max-age=300, s-maxage=300, stale-while-revalidate=86400',
  /** Content-hashed URLs never change. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages and descriptions. */
  page: 'public, max-age=300, s-maxage=300, stale-while-revalidate=86400',
} as const;

/**
 * True when `If-None-Match` matches `etag`. Uses the weak comparison RFC 9110 prescribes for
 * If-None-Match (so `W/"x"` from an intermediary still matches `"x"`), and honours `*`.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

export interface PreparedResponse {
  body: string;
  etag: string;
  contentType: string;
  cacheControl: string;
  headers?: Record<string, string>;
}

/**
 * A 200 with validators, or a 304 carrying the same validators and cache headers (CORS headers
 * are added by the middleware to both).
 *
 * @example
 * return prepared(c.req.header('If-None-Match'), { body, etag, contentType: JSON_TYPE, cacheControl: CACHE.content });
 */
export function prepared(ifNoneMatch: string | undefined, r: PreparedResponse): Response {
  const headers = { ETag: r.etag, 'Cache-Control': r.cacheControl, ...r.headers };
  if (etagMatches(ifNoneMatch, r.etag)) return new Response(null, { status: 304, headers });
  const bytes = utf8(r.etag, r.body);
  // Explicit, so that HEAD (which Hono answers from this response, without the body) keeps it.
  const length = String(bytes.byteLength);
  return new Response(bytes, {
    status: 200,
    headers: { ...headers, 'Content-Type': r.contentType, 'Content-Length': length },
  });
}

/** The body's UTF-8 bytes, encoded once per isolate (keyed by its strong ETag), not per request. */
function utf8(etag: string, body: string): Uint8Array<ArrayBuffer> {
  return derived(`utf8:${etag}`, () => new TextEncoder().encode(body));
}

export const JSON_TYPE = 'application/json; charset=utf-8';
