/**
 * @module Problem documents (RFC 9457): the one error envelope of the API.
 */
import type { Context } from 'hono';
import type { Problem } from '../catalogue/schema.ts';
import { HTML_TYPE, pageHeaders } from './html.ts';

/** Routes that serve pages (or fragments) to people, not JSON to programs. */
function isHtmlRoute(path: string): boolean {
  return path === '/' || path === '/docs' || path === '/embed' || path.startsWith('/explainers/');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What a reader is told, by status. Never the problem's detail: it may quote the request, and
 * on our frameable paths a crafted URL would then put words of anyone's choosing in our frame.
 */
const READER_TEXT: Record<ProblemError['status'], string> = {
  400: 'This address is not one we understand. Check the link you followed.',
  404: 'There is nothing at this address. The explainer may not be published, or not in this language.',
  405: 'This address cannot be used that way.',
  500: 'Something went wrong on our side. Please try again later.',
  501: 'This is not something we do.',
  503: 'The explainers cannot be read right now. Please try again in a few seconds.',
};

/** A small page for a reader: the problem's title, what happened, a way home. Not indexed. */
function errorPage(p: ProblemError): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(p.title)}</title><link rel="stylesheet" href="/site.css"><link rel="icon" href="data:,"></head>` +
    `<body><main><h1>${escapeHtml(p.title)}</h1><p>${READER_TEXT[p.status]}</p><p><a href="/">News Explainer home</a></p></main></body></html>`
  );
}

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
  const path = new URL(c.req.url).pathname;
  const cacheControl = p.status === 404 ? 'public, max-age=60, s-maxage=60' : 'no-store';
  if (isHtmlRoute(path)) {
    // Pages answer a browser with a page (a reader in an iframe must not see raw JSON), API
    // clients with the problem document: the same URL, two representations.
    const vary = { Vary: 'Accept' };
    if (/text\/html/.test(c.req.header('Accept') ?? ''))
      return new Response(errorPage(p), {
        status: p.status,
        headers: {
          'Content-Type': HTML_TYPE,
          'Cache-Control': cacheControl,
          ...pageHeaders({ framed: path.startsWith('/explainers/') }),
          'X-Robots-Tag': 'noindex',
          ...vary,
          ...p.headers,
        },
      });
    p = new ProblemError(p.status, p.title, p.detail, { ...vary, ...p.headers });
  }
  const body: Problem = {
    type: 'about:blank',
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: path,
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': cacheControl,
      ...p.headers,
    },
  });
}
