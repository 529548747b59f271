/**
 * @module oEmbed (oembed.com, version 1.0) for WordPress and every other consumer.
 *
 * The `html` is what WordPress keeps from an untrusted provider: one `<blockquote>` with a link
 * (shown until the frame reports its height), then an empty `<iframe>` of the explainer page.
 */
import { Hono } from 'hono';
import { SLUG } from '../../catalogue/patterns.ts';
import type { AppEnv } from '../env.ts';
import { findDocument } from '../catalogue.ts';
import { CACHE } from '../http-cache.ts';
import { describe, LANG_PARAM, problem, UNAVAILABLE } from '../openapi.ts';
import { attr } from '../escape.ts';
import { apiErrors, badRequest, notFound, ProblemError } from '../problem.tsx';

const WIDTH = 700;
const HEIGHT = 900;

function dimension(raw: string | undefined, name: string, max: number): number {
  if (raw === undefined) return max;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1)
    throw badRequest(`"${name}" must be a positive whole number of pixels.`);
  return Math.min(Number(raw), max);
}

export const oembed = new Hono<AppEnv>();
oembed.onError(apiErrors);

oembed.get('/oembed', async (c) => {
  const format = c.req.query('format') ?? 'json';
  if (format === 'xml') throw new ProblemError('not-implemented', 'Only format=json is provided.');
  if (format !== 'json') throw badRequest('"format" must be json.');
  const raw = c.req.query('url');
  if (!raw) throw badRequest('"url" is required: the address of an explainer page, e.g. ORIGIN/explainers/ID.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('"url" is not an absolute URL.');
  }
  const origin = c.env.PUBLIC_ORIGIN;
  const id = /^\/explainers\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  if (url.origin !== origin || !id || !SLUG.test(id))
    throw notFound(`Not one of our explainer pages; they look like ${origin}/explainers/ID.`);
  const width = dimension(c.req.query('maxwidth'), 'maxwidth', WIDTH);
  const height = dimension(c.req.query('maxheight'), 'maxheight', HEIGHT);
  const edition = await findDocument(
    c.env.EXPLAINERS,
    id,
    c.req.query('lang') ?? url.searchParams.get('lang') ?? undefined,
  );
  const doc = edition.data;
  const page = `${origin}/explainers/${doc.id}?lang=${doc.lang}`;
  const title = attr(doc.title);
  return c.json(
    {
      version: '1.0',
      type: 'rich',
      provider_name: 'News Explainer',
      provider_url: origin,
      title: doc.title,
      width,
      height,
      cache_age: 3600,
      html:
        `<blockquote><a href="${attr(page)}">${title}</a></blockquote>` +
        `<iframe src="${attr(page)}" width="${width}" height="${height}" title="${title}" frameborder="0" scrolling="auto"></iframe>`,
    },
    200,
    { 'Cache-Control': CACHE.content },
  );
});

describe('/oembed', {
  operationId: 'getOEmbed',
  summary: 'oEmbed 1.0 (rich) for an explainer page',
  description:
    'What WordPress and other oEmbed consumers ask for an explainer page\'s address: an iframe of the page, after a link WordPress shows until the frame reports its height. Discovered from the page\'s `<link rel="alternate" type="application/json+oembed">`.',
  tags: ['Embedding'],
  parameters: [
    {
      name: 'url',
      in: 'query',
      required: true,
      description: 'An explainer page: `ORIGIN/explainers/ID` (its `lang` query is honoured).',
      schema: { type: 'string', format: 'uri' },
    },
    {
      name: 'format',
      in: 'query',
      required: false,
      description: 'Only `json` is provided; `xml` is a 501 problem.',
      schema: { type: 'string', enum: ['json', 'xml'], default: 'json' },
    },
    {
      name: 'maxwidth',
      in: 'query',
      required: false,
      description: 'The largest width the consumer can show, in pixels (at most 700 is used).',
      schema: { type: 'integer', minimum: 1 },
    },
    {
      name: 'maxheight',
      in: 'query',
      required: false,
      description: 'The largest height the consumer can show, in pixels (at most 900 is used).',
      schema: { type: 'integer', minimum: 1 },
    },
    LANG_PARAM,
  ],
  responses: {
    '200': {
      description: 'The oEmbed response',
      headers: {
        'Cache-Control': { description: 'How long consumers may keep it.', required: true, schema: { type: 'string' } },
      },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/OEmbed' } } },
    },
    '400': problem('A malformed url, format, dimension or lang', ['invalid-parameter']),
    '404': problem('Not one of our explainer pages, or no such explainer or edition', [
      'not-found',
      'unknown-explainer',
      'edition-not-available',
    ]),
    '501': problem('format=xml is not provided', ['not-implemented']),
    '503': UNAVAILABLE,
  },
});
