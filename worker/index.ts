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
import { describe, problem } from './openapi.ts';
import { publicReadOnly } from './public-read-only.ts';
import { assets } from './routes/assets.ts';
import { explainers } from './routes/explainers.ts';
import { builder } from './routes/builder.tsx';
import { docs } from './routes/docs.tsx';
import { oembed } from './routes/oembed.ts';
import { pages } from './routes/pages.tsx';
import { home } from './routes/home.tsx';
import { demo } from '../demo/app.tsx';

const app = new Hono<AppEnv>();

app.use('*', publicReadOnly());

app.get('/healthz', async (c) => {
  const index = await readIndex(c.env.EXPLAINERS);
  return c.json({ status: 'ok', explainers: index.entries.length, widget: widget.hash }, 200, {
    'Cache-Control': 'no-store',
  });
});
describe('/healthz', {
  operationId: 'health',
  summary: 'Liveness: how many explainers the catalogue holds and which widget build is served',
  responses: { '200': { description: 'OK' }, '503': problem('The catalogue could not be read') },
});
app.route('/v1/explainers', explainers);
app.route('/v1', assets);
app.route('/', demo);
app.route('/', home);
app.route('/', pages);
app.route('/', docs);
app.route('/', oembed);
app.route('/', builder);

app.notFound((c) => problemResponse(c, notFound(`Nothing at ${c.req.path}. GET /v1/explainers lists the explainers.`)));

// Each sub-app answers its own errors (pages as pages for browsers, the API as problems);
// what is left (the health check, an unknown path outside every sub-app) gets problems.
app.onError(apiErrors);

export default app;
