/**
 * @module Turning Preact trees into HTML responses, with the headers every page of ours sends.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { CACHE, prepared } from './http-cache.ts';
import { derived } from './kv.ts';

/**
 * Our pages load scripts and styles from our own origin only: no inline code anywhere,
 * which is also how we prove the widget needs no 'unsafe-inline'.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** What every page of ours sends besides its CSP: no referrer beyond our origin, no powerful features. */
export const PAGE_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), browsing-topics=()',
};

export const HTML_TYPE = 'text/html; charset=utf-8';

/** A full HTML document from a Preact `<html>` tree. Text is escaped by the renderer. */
export function htmlDocument(tree: VNode): string {
  return `<!doctype html>${renderToString(tree)}`;
}

/** FNV-1a over the text, twice with different seeds: a 64-bit strong validator, computed once per body. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

interface Page {
  /** Identifies this rendering (its inputs), for the once-per-isolate validator. */
  key: string;
  body: string;
  /** The page's CSP without frame-ancestors (added here). */
  csp?: string;
  /** Only the explainer page is framed by other sites. */
  framed?: boolean;
  cacheControl?: string;
  headers?: Record<string, string>;
}

/**
 * An HTML page with a strong ETag over its exact bytes (so `If-None-Match` gives 304), its CSP
 * (`frame-ancestors *` only when framed, else `'none'`) and our page headers.
 *
 * @example return htmlPage(c.req.header('If-None-Match'), { key: `page:${etag}`, body, framed: true });
 */
export function htmlPage(ifNoneMatch: string | undefined, page: Page): Response {
  const etag = derived(`etag:${page.key}`, () => `"h-${fingerprint(page.body)}"`);
  return prepared(ifNoneMatch, {
    body: page.body,
    etag,
    contentType: HTML_TYPE,
    cacheControl: page.cacheControl ?? CACHE.page,
    headers: {
      'Content-Security-Policy': `${page.csp ?? PAGE_CSP}; frame-ancestors ${page.framed ? '*' : "'none'"}`,
      ...PAGE_HEADERS,
      ...page.headers,
    },
  });
}
