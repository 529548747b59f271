/**
 * @module The Worker entry: composes the routes and the cross-cutting HTTP rules.
 *
 * Every public read is CORS-open (`*`, no credentials) and loadable cross-origin; every error
 * is a problem document; any method but GET, HEAD and OPTIONS gets 405 with `Allow`.
 */
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import { readIndex } from './catalogue.ts';
import { widget } from '../generated/widget.ts';
import { apiErrors, notFound, problemResponse } from './problem.tsx';
import { describe, UNAVAILABLE } from './openapi.ts';
import { publicReadOnly } from './public-read-only.ts';
import { assets } from './routes/assets.ts';
import { explainers } from './routes/explainers.ts';
import { revisions } from './routes/revisions.ts';
import { builder } from './routes/builder.tsx';
import { docs } from './routes/docs.tsx';
import { oembed } from './routes/oembed.ts';
import { pages } from './routes/pages.tsx';
import { home } from './routes/home.tsx';
import { problems } from './routes/problems.tsx';
import { demo } from '../demo/app.tsx';

const app = new Hono<AppEnv>();

app.use('*', publicReadOnly());

// One URL per resource: a trailing slash redirects (308, method kept) to the path without it.
// A path that would then start with `//` is not ours to redirect (it would leave the origin).
app.use('*', async (c, next) => {
  const { pathname, search } = new URL(c.req.url);
  const canonical = pathname.replace(/\/+$/, '');
  if (pathname === canonical || canonical === '' || canonical.startsWith('//')) return next();
  return c.body(null, 308, { Location: canonical + search, 'Cache-Control': 'public, max-age=86400' });
});

app.get('/healthz', async (c) => {
  const index = await readIndex(c.env.EXPLAINERS);
  return c.json({ status: 'ok', explainers: index.entries.length, widget: widget.hash }, 200, {
    'Cache-Control': 'no-store',
  });
});
describe('/healthz', {
  operationId: 'health',
  summary: 'Liveness',
  description: 'How many explainers the catalogue holds and which widget build is served. Never cached.',
  tags: ['Service'],
  responses: {
    '200': {
      description: 'OK',
      headers: { 'Cache-Control': { description: 'Always `no-store`.', required: true, schema: { type: 'string' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
    },
    '503': UNAVAILABLE,
  },
});
app.route('/v1/explainers', explainers);
app.route('/v1', revisions);
app.route('/v1', assets);
app.route('/', demo);
app.route('/', home);
app.route('/', pages);
app.route('/', docs);
app.route('/', oembed);
app.route('/', builder);
app.route('/', problems);

app.notFound((c) => problemResponse(c, notFound(`Nothing at ${c.req.path}. GET /v1/explainers lists the explainers.`)));

// Each sub-app answers its own errors (pages as pages for browsers, the API as problems);
// what is left (the health check, an unknown path outside every sub-app) gets problems.
app.onError(apiErrors);

export default app;
