/**
 * @module The HTTP rules every response of this public, read-only service follows.
 *
 * - CORS open to every origin, without credentials (`*`), with ETag readable by scripts;
 * - `Cross-Origin-Resource-Policy: cross-origin`, so publishers with COEP can load us;
 * - `OPTIONS` answers preflights; any method but GET, HEAD, OPTIONS is 405 with `Allow`.
 *
 * Headers are set on the final response after the handler ran, never on a placeholder before
 * it: Hono copies the whole response when a placeholder's headers must be merged in (which
 * `hono/cors` triggers), and this is the hottest path of the Worker.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { methodNotAllowed, problemResponse } from './problem.ts';

export const ALLOW = 'GET, HEAD, OPTIONS';
const ALLOWED = new Set(['GET', 'HEAD']);

const EVERY_RESPONSE: [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', 'ETag, Link'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
];

function preflight(c: Context): Response {
  const headers = new Headers({
    Allow: ALLOW,
    'Access-Control-Allow-Methods': ALLOW,
    'Access-Control-Max-Age': '86400',
  });
  const requested = c.req.header('Access-Control-Request-Headers');
  if (requested) {
    // Echoing is safe: no credentials are ever allowed. Clients send e.g. If-None-Match.
    headers.set('Access-Control-Allow-Headers', requested);
    headers.set('Vary', 'Access-Control-Request-Headers');
  }
  return new Response(null, { status: 204, headers });
}

/**
 * @example
 * app.use('*', publicReadOnly());
 */
export function publicReadOnly(): MiddlewareHandler {
  return async (c, next) => {
    let res: Response | undefined;
    if (c.req.method === 'OPTIONS') res = preflight(c);
    else if (!ALLOWED.has(c.req.method)) res = problemResponse(c, methodNotAllowed(c.req.method, ALLOW));
    else await next();
    const headers = (res ?? c.res).headers;
    for (const [name, value] of EVERY_RESPONSE) headers.set(name, value);
    return res;
  };
}
