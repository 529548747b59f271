/**
 * @module The widget code: `/v1/embed.js` (moving alias) and `/v1/embed.<hash>.js` (immutable, for SRI).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { openapi } from '../../generated/openapi.ts';
import { widget } from '../../generated/widget.ts';
import { CACHE, JSON_TYPE, prepared } from '../http-cache.ts';
import { notFound } from '../problem.ts';

const JS_TYPE = 'text/javascript; charset=utf-8';
export const HASHED_EMBED_PATH = `/v1/embed.${widget.hash}.js`;

export const assets = new Hono<AppEnv>();

assets.get('/embed.js', (c) =>
  prepared(c.req.header('If-None-Match'), {
    body: widget.code,
    etag: widget.etag,
    contentType: JS_TYPE,
    cacheControl: CACHE.alias,
    // Tells integrators where the pinned, SRI-checkable copy of these exact bytes lives.
    headers: { Link: `<${HASHED_EMBED_PATH}>; rel="canonical"`, 'X-Embed-Integrity': widget.integrity },
  }),
);

assets.get('/:file{embed\\.[0-9a-f]{16}\\.js}', (c) => {
  if (c.req.param('file') !== `embed.${widget.hash}.js`)
    throw notFound('No widget build with this hash; use /v1/embed.js or the hash it names.');
  return prepared(c.req.header('If-None-Match'), {
    body: widget.code,
    etag: widget.etag,
    contentType: JS_TYPE,
    cacheControl: CACHE.immutable,
  });
});

/** The widget's words in one language, for widgets showing an edition other than English. */
assets.get('/strings/:file{[a-z]{2,3}\\.json}', (c) => {
  const lang = c.req.param('file').replace(/\.json$/, '');
  const words = (widget.strings as Record<string, { body: string; etag: string }>)[lang];
  if (!words) throw notFound(`No interface words for "${lang}"; available: ${Object.keys(widget.strings).join(', ')}.`);
  return prepared(c.req.header('If-None-Match'), {
    ...words,
    contentType: JSON_TYPE,
    cacheControl: CACHE.alias,
    headers: { 'Content-Language': lang },
  });
});

assets.get('/explainer.css', (c) =>
  prepared(c.req.header('If-None-Match'), {
    body: widget.css,
    etag: `"css-${widget.hash}"`,
    contentType: 'text/css; charset=utf-8',
    cacheControl: CACHE.alias,
  }),
);

assets.get('/openapi.json', (c) =>
  prepared(c.req.header('If-None-Match'), { ...openapi, contentType: JSON_TYPE, cacheControl: CACHE.page }),
);
