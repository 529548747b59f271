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
