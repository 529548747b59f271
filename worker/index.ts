/**
 * @module The Worker entry: composes the routes and the cross-cutting HTTP rules.
 *
 * Every public read is CORS-open (`*`, no credentials) and loadable cross-origin; every error
 * is a problem document; any method but GET, HEAD and OPTIONS gets 405 with `Allow`.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './env.ts';
import { explainerCount } from './catalogue.ts';
import { widget } from './generated/widget.ts';
import { methodNotAllowed, notFound, ProblemError, problemResponse } from './problem.ts';
import { assets } from './routes/assets.ts';
import { explainers } from './routes/explainers.ts';
import { pages } from './routes/pages.tsx';

const ALLOW = 'GET, HEAD, OPTIONS';
const ALLOWED = new Set(['GET', 'HEAD', 'OPTIONS']);
const app = new Hono<AppEnv>();

app.use('*', async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  // Publishers with COEP: require-corp must still be able to load our script and JSON.
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
});
app.use(
  '*',
  cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Link'], maxAge: 86400 }),
);

// The service is read-only: every resource supports GET, HEAD and OPTIONS, nothing else.
app.use('*', async (c, next) => {
  if (!ALLOWED.has(c.req.method)) throw methodNotAllowed(c.req.method, ALLOW);
  await next();
});

app.get('/healthz', (c) =>
  c.json({ status: 'ok', explainers: explainerCount, widget: widget.hash }, 200, { 'Cache-Control': 'no-store' }),
);
app.route('/v1/explainers', explainers);
app.route('/v1', assets);
app.route('/', pages);

app.notFound((c) => problemResponse(c, notFound(`Nothing at ${c.req.path}. GET /v1/explainers lists the explainers.`)));

app.onError((err, c) => {
  if (err instanceof ProblemError) return problemResponse(c, err);
  console.error('unhandled error', err);
  return problemResponse(c, new ProblemError(500, 'Internal Server Error', 'Something went wrong on our side.'));
});

export default app;
