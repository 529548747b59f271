/**
 * @module HTML responses with the headers every page of ours sends (pages are laid out by
 * page-shell.tsx).
 */
import { CACHE, prepared } from './http-cache.ts';
import type { PreparedBody } from './memo.ts';

/** What a page loads and who may frame it: everything its Content-Security-Policy depends on. */
export interface CspNeeds {
  /** Origins besides our own that scripts, styles and fetches come from (our public origin on a demo page). */
  origins?: readonly string[];
  /** The page frames our explainer page (the embed builder's iframe preview). */
  frames?: boolean;
  /** The page has a form that submits to itself. */
  forms?: boolean;
  /** Any site may frame this page (only the explainer page: it is the iframe embed). */
  framed?: boolean;
}

/**
 * The one Content-Security-Policy builder. Our pages load scripts and styles from our own
 * origin (and the ones a page names) only: no inline code anywhere, which is also how we prove
 * the widget needs no 'unsafe-inline'.
 *
 * @example pageCsp({ framed: true }) // "default-src 'none'; script-src 'self'; …; frame-ancestors *"
 */
export function pageCsp(needs: CspNeeds = {}): string {
  const src = ["'self'", ...(needs.origins ?? [])].join(' ');
  return [
    "default-src 'none'",
    `script-src ${src}`,
    `style-src ${src}`,
    `connect-src ${src}`,
    ...(needs.frames ? [`frame-src ${src}`] : []),
    "img-src 'self' data:",
    "base-uri 'none'",
    `form-action ${needs.forms ? "'self'" : "'none'"}`,
    `frame-ancestors ${needs.framed ? '*' : "'none'"}`,
  ].join('; ');
}

/**
 * The headers every HTML response of ours sends: its CSP, no referrer beyond our origin, no
 * powerful features (`nosniff` comes with every response, from public-read-only.ts).
 */
export function pageHeaders(needs: CspNeeds = {}): Record<string, string> {
  return {
    'Content-Security-Policy': pageCsp(needs),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), browsing-topics=()',
  };
}

export const HTML_TYPE = 'text/html; charset=utf-8';

interface Page {
  /** The page's bytes and ETag (http-cache.ts `prepareBody`). */
  body: PreparedBody;
  /** What its CSP must allow. */
  csp?: CspNeeds;
  cacheControl?: string;
  headers?: Record<string, string>;
}

/**
 * An HTML page with its strong ETag (so `If-None-Match` gives 304), its CSP and our page headers.
 *
 * @example return htmlPage(c.req.header('If-None-Match'), { body, csp: { framed: true } });
 */
export function htmlPage(ifNoneMatch: string | undefined, page: Page): Response {
  return prepared(ifNoneMatch, {
    body: page.body,
    contentType: HTML_TYPE,
    cacheControl: page.cacheControl ?? CACHE.page,
    headers: { ...pageHeaders(page.csp), ...page.headers },
  });
}
