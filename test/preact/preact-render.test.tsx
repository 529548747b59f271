/**
 * The shared components are real Preact components: anyone can mount them with Preact's own
 * `render`. Here they are compiled with Preact's JSX runtime (no widget/jsx-dom.ts alias) and
 * rendered into happy-dom; the DOM equals the server's rendering of the same tree, which the
 * browser suite proves byte-identical to what the widget builds (test/browser/compact.test.ts,
 * "one set of components").
 */
import { render } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { content } from '../../generated/content.ts';
import { Explainer } from '../../ui/Explainer.tsx';
import { stringsFor } from '../../ui/strings/index.ts';

describe("Preact's own render of <Explainer>", () => {
  for (const lang of ['en', 'ru'] as const)
    it(`gives the DOM the server renders (${lang} edition)`, () => {
      const doc = content.explainers['putin-baku-2024']!.langs[lang]!.data;
      const tree = <Explainer doc={doc} t={stringsFor(lang)} theme="light" />;
      const mounted = document.createElement('div');
      render(tree, mounted);
      // The server's markup, parsed as a browser parses a page.
      const server = new DOMParser().parseFromString(`<body>${renderToString(tree)}</body>`, 'text/html').body;
      expect(mounted.querySelectorAll('details').length).toBeGreaterThan(5);
      expect(mounted.querySelector('h2')?.textContent).toBe(doc.title);
      expect(mounted.innerHTML.length).toBeGreaterThan(10_000);
      expect(mounted.innerHTML).toBe(server.innerHTML);
    });
});
