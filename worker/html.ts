/**
 * @module Turning Preact trees into HTML responses.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * Our pages load scripts and styles from our own origin only: no inline code anywhere,
 * which is also how we prove the widget needs no 'unsafe-inline'.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** A full HTML document from a Preact `<html>` tree. Text is escaped by the renderer. */
export function htmlDocument(tree: VNode): string {
  return `<!doctype html>${renderToString(tree)}`;
}

const rendered = new Map<string, string>();

/**
 * Renders once per isolate and key. Content is immutable within a deployment, and keys come
 * only from known ids, languages and themes, so the cache is small and bounded.
 *
 * @example
 * const html = memoized(`page:${id}:${lang}`, () => htmlDocument(<Page />));
 */
export function memoized(key: string, render: () => string): string {
  let html = rendered.get(key);
  if (html === undefined) {
    html = render();
    rendered.set(key, html);
  }
  return html;
}
