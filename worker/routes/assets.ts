/**
 * @module The widget code: `/v1/embed.js` (moving alias) and `/v1/embed.<hash>.js` (immutable, for SRI).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { describe, HEADERS, NOT_MODIFIED, ok, openApiJson, problem, UNAVAILABLE } from '../openapi.ts';
import { apiExamples } from '../openapi-examples.ts';
import { widget } from '../../generated/widget.ts';
import { CACHE, JSON_TYPE, prepareBody, prepared } from '../http-cache.ts';
import { memoKey } from '../memo.ts';
import { apiErrors, notFound } from '../problem.tsx';
import { readKv } from '../kv.ts';
import { widgetKey } from '../../catalogue/kv.ts';

const JS_TYPE = 'text/javascript; charset=utf-8';
export const HASHED_EMBED_PATH = `/v1/embed.${widget.hash}.js`;

export const assets = new Hono<AppEnv>();
assets.onError(apiErrors);

/** One of the files the widget build bundled into the Worker, prepared once per isolate. */
const bundled = (name: string, text: string) => prepareBody(memoKey.body('asset', name), () => text);

assets.get('/embed.js', async (c) =>
  prepared(c.req.header('If-None-Match'), {
    body: await bundled('embed.js', widget.code),
    contentType: JS_TYPE,
    cacheControl: CACHE.alias,
    // Tells integrators where the pinned, SRI-checkable copy of these exact bytes lives.
    headers: { Link: `<${HASHED_EMBED_PATH}>; rel="canonical"`, 'X-Embed-Integrity': widget.integrity },
  }),
);

/**
 * A pinned build: the current one from the bundle, every earlier release from the catalogue
 * (`widget:<hash>`, written by content:publish at each release and never deleted), so a page
 * that pinned a hash with SRI keeps working after the next release.
 */
assets.get('/:file{embed\\.[0-9a-f]{16}\\.js}', async (c) => {
  const hash = c.req.param('file').slice('embed.'.length, -'.js'.length);
  const build = hash === widget.hash ? { value: widget.code } : await readKv(c.env.EXPLAINERS, widgetKey(hash));
  if (!build) throw notFound('No widget build with this hash; use /v1/embed.js or the hash it names.');
  return prepared(c.req.header('If-None-Match'), {
    body: await prepareBody(memoKey.body('widget-release', hash), () => build.value),
    contentType: JS_TYPE,
    cacheControl: CACHE.immutable,
  });
});

/** The widget's words in one language, for widgets showing an edition other than English. */
assets.get('/strings/:file{[a-z]{2,3}\\.json}', async (c) => {
  const lang = c.req.param('file').replace(/\.json$/, '');
  const words = (widget.strings as Record<string, { body: string }>)[lang];
  if (!words) throw notFound(`No interface words for "${lang}"; available: ${Object.keys(widget.strings).join(', ')}.`);
  return prepared(c.req.header('If-None-Match'), {
    body: await bundled(`strings/${lang}.json`, words.body),
    contentType: JSON_TYPE,
    cacheControl: CACHE.alias,
    headers: { 'Content-Language': lang },
  });
});

// The small scripts of our own pages: the framed explainer page's, the embed builder's.
for (const [path, script] of [
  ['/frame.js', widget.frame],
  ['/builder.js', widget.builder],
] as const)
  assets.get(path, async (c) =>
    prepared(c.req.header('If-None-Match'), {
      body: await bundled(path, script.code),
      contentType: JS_TYPE,
      cacheControl: CACHE.alias,
    }),
  );

assets.get('/explainer.css', async (c) =>
  prepared(c.req.header('If-None-Match'), {
    body: await bundled('explainer.css', widget.css),
    contentType: 'text/css; charset=utf-8',
    cacheControl: CACHE.alias,
  }),
);

assets.get('/openapi.json', async (c) => {
  // With real examples from the catalogue: kept per origin and catalogue version.
  const { version, examples } = await apiExamples(c.env.EXPLAINERS);
  const origin = c.env.PUBLIC_ORIGIN;
  return prepared(c.req.header('If-None-Match'), {
    body: await prepareBody(memoKey.body('asset', 'openapi.json', origin, version), () =>
      openApiJson(origin, examples),
    ),
    contentType: JSON_TYPE,
    cacheControl: CACHE.page,
  });
});

describe('/v1/embed.js', {
  operationId: 'getEmbedScript',
  summary: 'The widget script (moving alias, short cache)',
  description:
    'What publishers load with one script tag. It moves to each new release within minutes; `Link` (rel="canonical") and `X-Embed-Integrity` name the pinned, SRI-checkable copy of these bytes.',
  tags: ['Embedding'],
  responses: {
    '200': ok('JavaScript', 'text/javascript', undefined, {
      Link: {
        description: 'The pinned copy: `</v1/embed.<hash>.js>; rel="canonical"`.',
        required: true,
        schema: { type: 'string' },
      },
      'X-Embed-Integrity': {
        description: 'The `sha384-…` value for `integrity`.',
        required: true,
        schema: { type: 'string' },
      },
    }),
    '304': NOT_MODIFIED,
  },
});
describe('/v1/embed.{hash}.js', {
  operationId: 'getPinnedEmbedScript',
  summary: 'The widget script at its content-hashed, immutable URL (for SRI pinning)',
  description: 'Every release stays served under its hash, so a page that pinned one with SRI keeps working.',
  tags: ['Embedding'],
  parameters: [
    {
      name: 'hash',
      in: 'path',
      required: true,
      description: 'The release: 16 hex digits, as `/v1/embed.js` names them in `Link`.',
      schema: { type: 'string', pattern: '^[0-9a-f]{16}$' },
    },
  ],
  responses: {
    '200': ok('JavaScript', 'text/javascript'),
    '304': NOT_MODIFIED,
    '404': problem('No release with this hash', ['not-found']),
  },
});
describe('/v1/strings/{lang}.json', {
  operationId: 'getWidgetStrings',
  summary: "The widget's own strings in one language (headings, buttons, dates), as JSON",
  description: 'Fetched once per page by widgets showing an edition in a language other than English.',
  tags: ['Embedding'],
  parameters: [
    {
      name: 'lang',
      in: 'path',
      required: true,
      description: 'A primary language subtag, e.g. `ru`.',
      schema: { type: 'string', pattern: '^[a-z]{2,3}$' },
    },
  ],
  responses: {
    '200': ok('The strings', 'application/json', 'WidgetStrings', { 'Content-Language': HEADERS['Content-Language'] }),
    '304': NOT_MODIFIED,
    '404': problem('No strings for this language', ['not-found']),
  },
});
describe('/v1/frame.js', {
  operationId: 'getFrameScript',
  summary: "The explainer page's own script when framed",
  description: 'Reports the page height to WordPress, AMP and embed.js hosts, in the protocols they already speak.',
  tags: ['Embedding'],
  responses: { '200': ok('JavaScript', 'text/javascript'), '304': NOT_MODIFIED },
});
describe('/v1/builder.js', {
  operationId: 'getBuilderScript',
  summary: "The embed builder's script",
  description: 'Live preview on change and copying to the clipboard, on `/embed`.',
  tags: ['Pages'],
  responses: { '200': ok('JavaScript', 'text/javascript'), '304': NOT_MODIFIED },
});
describe('/v1/explainer.css', {
  operationId: 'getExplainerStylesheet',
  summary: "The widget's stylesheet",
  description: "Used by the snippet's shadow root and the explainer page; the widget itself carries it.",
  tags: ['Embedding'],
  responses: { '200': ok('CSS', 'text/css'), '304': NOT_MODIFIED },
});
describe('/v1/openapi.json', {
  operationId: 'getOpenApi',
  summary: 'This description (OpenAPI 3.1)',
  description: 'Built from the routes themselves, so it cannot drift from what the API serves.',
  tags: ['Service'],
  responses: { '200': ok('OpenAPI 3.1', 'application/json'), '304': NOT_MODIFIED, '503': UNAVAILABLE },
});
