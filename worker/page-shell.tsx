/**
 * @module The one layout of every HTML page we serve: the same head (charset, viewport, title,
 * description, our stylesheet, no favicon request), a body class naming the page, and scripts
 * from our origin only, at the end. Text is escaped by the renderer: no page builds HTML by hand.
 */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export interface PageProps {
  lang?: string;
  title: string;
  /** The page's meta description (search engines and link previews show it). */
  description: string;
  /** Names the page for its styles (`body.docs`, `body.builder`…). */
  bodyClass?: string;
  /** Stylesheets before /site.css (absolute URLs allowed: the demo names our public origin). */
  stylesheets?: readonly string[];
  /** Scripts run at the end of the body, in order. */
  scripts?: readonly { src: string; async?: boolean }[];
  /** `noindex` for pages that must not be found by search (errors, the builder). */
  robots?: string;
  /** Links and metadata of this page only (canonical, alternates). */
  head?: ComponentChildren;
  children: ComponentChildren;
}

export function Page(p: PageProps): VNode {
  return (
    <html lang={p.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title}</title>
        <meta name="description" content={p.description} />
        {p.robots ? <meta name="robots" content={p.robots} /> : null}
        {p.head}
        {(p.stylesheets ?? []).map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <link rel="stylesheet" href="/site.css" />
        <link rel="icon" href="data:," />
      </head>
      <body class={p.bodyClass}>
        {p.children}
        {(p.scripts ?? []).map((s) => (
          <script key={s.src} src={s.src} async={s.async}></script>
        ))}
      </body>
    </html>
  );
}

/** A full HTML document from a page tree. */
export function renderPage(tree: VNode): string {
  return `<!doctype html>${renderToString(tree)}`;
}
