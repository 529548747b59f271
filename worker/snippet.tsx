/**
 * @module The embed code for zero layout shift: `<news-explainer>` with the explainer already
 * rendered in a declarative shadow root, then the script that takes it over in place.
 */
import { createElement, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Explainer as ExplainerData } from '../catalogue/schema.ts';
import { Explainer } from '../ui/Explainer.tsx';
import { stringsFor } from '../ui/strings/index.ts';
import type { Theme } from '../ui/theme.ts';

interface SnippetProps {
  doc: ExplainerData;
  /** Our public origin: the stylesheet and the script load from it. */
  origin: string;
  /** Written only when the publisher asked for an edition, so the widget asks for that same one. */
  lang?: string;
  /** A colour theme the publisher chose (`light`, `dark`, `auto`); else the widget matches the page. */
  theme?: Theme;
  /** Identifies this rendering (rendering.tsx): embed.js asks whether it is still current. */
  rendering: string;
}

/**
 * The snippet as elements, for our own pages. The shadow root isolates its styles without
 * script (the stylesheet comes from our origin, so a publisher's CSP needs `style-src ORIGIN`);
 * readers can read it before any script runs, or with scripts blocked.
 */
export function Snippet({ doc, origin, lang, theme, rendering }: SnippetProps): VNode {
  return (
    <>
      {createElement(
        'news-explainer',
        { explainer: doc.id, lang: lang ? doc.lang : undefined, theme, rendering },
        createElement(
          'template',
          { shadowrootmode: 'open' },
          <link rel="stylesheet" href={`${origin}/v1/explainer.css`} />,
          <Explainer doc={doc} t={stringsFor(doc.lang)} theme={theme === 'dark' ? 'dark' : 'light'} />,
        ),
      )}
      {'\n'}
      <script async src={`${origin}/v1/embed.js`}></script>
    </>
  );
}

/**
 * The snippet as the HTML publishers paste.
 *
 * @example
 * snippetHtml({ doc, origin: 'https://explainers.example' })
 * // → '<news-explainer explainer="putin-baku-2024"><template shadowrootmode="open">…'
 */
export function snippetHtml(props: SnippetProps): string {
  return renderToString(<Snippet {...props} />);
}
