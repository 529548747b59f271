/**
 * @module Conditional, cacheable responses for bodies prepared once per isolate.
 */
import { etagOf } from './etag.ts';
import { rememberAsync, type MemoKey, type PreparedBody } from './memo.ts';

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

/** Encodes a body and hashes it: the one place a served body gets its bytes and ETag. */
export async function toBody(text: string): Promise<PreparedBody> {
  const bytes = new TextEncoder().encode(text);
  return { bytes, etag: await etagOf(bytes) };
}

/**
 * The body that `key` names, rendered, encoded and hashed on the first request for it in this
 * isolate, then served from memory. The key says what produced the text (see memo.ts).
 *
 * @example const body = await prepareBody(memoKey.body('snippet', etag, lang), () => snippetHtml(props));
 */
export function prepareBody(key: MemoKey<PreparedBody>, render: () => string): Promise<PreparedBody> {
  return rememberAsync(key, () => toBody(render()));
}

export interface PreparedResponse {
  body: PreparedBody;
  contentType: string;
  cacheControl: string;
  headers?: Record<string, string>;
}

/**
 * A 200 with validators, or a 304 carrying the same validators and cache headers (CORS headers
 * are added by the middleware to both).
 *
 * @example
 * return prepared(c.req.header('If-None-Match'), { body, contentType: JSON_TYPE, cacheControl: CACHE.content });
 */
export function prepared(ifNoneMatch: string | undefined, r: PreparedResponse): Response {
  // Our bytes are never compressed here; an intermediary that compresses them makes another
  // representation, so caches must key on Accept-Encoding (and the edge weakens the ETag).
  const headers = { ETag: r.body.etag, 'Cache-Control': r.cacheControl, Vary: 'Accept-Encoding', ...r.headers };
  if (etagMatches(ifNoneMatch, r.body.etag)) return new Response(null, { status: 304, headers });
  // Content-Length explicit, so that HEAD (which Hono answers from this response, without the body) keeps it.
  return new Response(r.body.bytes, {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': r.contentType,
      'Content-Length': String(r.body.bytes.byteLength),
    },
  });
}

export const JSON_TYPE = 'application/json; charset=utf-8';
