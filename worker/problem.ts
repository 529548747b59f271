/**
 * @module Problem documents (RFC 9457): the one error envelope of the API.
 */
import type { Context } from 'hono';
import type { Problem } from '../content/schema.ts';

/**
 * Throw from any handler; `app.onError` turns it into an `application/problem+json` response.
 * Our problems are plain HTTP errors, so `type` is `about:blank` and `title` the status phrase,
 * as RFC 9457 §4.2.1 asks; `detail` says what exactly went wrong.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 500 | 501 | 503,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const notFound = (detail: string) => new ProblemError(404, 'Not Found', detail);
export const badRequest = (detail: string) => new ProblemError(400, 'Bad Request', detail);
export const methodNotAllowed = (method: string, allow: string) =>
  new ProblemError(405, 'Method Not Allowed', `${method} is not allowed here; use ${allow}.`, { Allow: allow });

/**
 * Renders a problem. Client errors that can change (a new explainer may be published) are
 * cached briefly; everything else is not cached.
 *
 * @example
 * return problemResponse(c, notFound('No explainer with id "x".'));
 */
export function problemResponse(c: Context, p: ProblemError): Response {
  const body: Problem = {
    type: 'about:blank',
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: new URL(c.req.url).pathname,
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': p.status === 404 ? 'public, max-age=60, s-maxage=60' : 'no-store',
      ...p.headers,
    },
  });
}
