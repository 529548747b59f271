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
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { methodNotAllowed, problemResponse } from './problem.tsx';

export const ALLOW = 'GET, HEAD, OPTIONS';
const ALLOWED = new Set(['GET', 'HEAD']);

const EVERY_RESPONSE: [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', 'ETag, Link'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
];

/**
 * The same fixed answer to every preflight. Never an echo of Access-Control-Request-Headers:
 * a long request list would come back as a response header block that overflows clients.
 * `*` is valid because no credentials are ever allowed; clients send e.g. If-None-Match.
 */
function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      Allow: ALLOW,
      'Access-Control-Allow-Methods': ALLOW,
      'Access-Control-Allow-Headers': '*',
      'Access-Control-Max-Age': '86400',
    },
  });
}

/**
 * @example
 * app.use('*', publicReadOnly());
 */
export function publicReadOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let res: Response | undefined;
    if (c.req.method === 'OPTIONS') res = preflight();
    else if (!ALLOWED.has(c.req.method)) res = problemResponse(c, methodNotAllowed(c.req.method, ALLOW));
    else await next();
    const headers = (res ?? c.res).headers;
    for (const [name, value] of EVERY_RESPONSE) headers.set(name, value);
    return res;
  };
}
