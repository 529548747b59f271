/**
 * @module `GET /embed`: the embed builder. A publisher picks an explainer, its language, the
 * mode, a theme and an accent colour, sees the real widget in that configuration, and copies
 * the code. A plain GET form (works without script); builder.js updates on change and copies.
 */
import { Hono } from 'hono';
import { SLUG } from '../../catalogue/patterns.ts';
import type { AppEnv } from '../env.ts';
import { findDocument, readIndex } from '../catalogue.ts';
import { accentCss, embedCode, MODES, type EmbedChoice, type Mode } from '../embed-code.ts';
import { htmlDocument, htmlPage } from '../html.ts';
import { CACHE, prepared, toBody } from '../http-cache.ts';
import { memoKey, remember } from '../memo.ts';
import { describe, ok } from '../openapi.ts';
import { snippetHtml } from '../snippet.tsx';

const MODE_LABELS: Record<Mode, [string, string]> = {
  snippet: ['Server-rendered snippet', 'No layout shift, readable without JavaScript (recommended).'],
  script: ['Script tag', 'Renders where the tag stands.'],
  placeholder: ['Placeholder', 'A div anywhere, plus one script per page; single-page apps too.'],
  iframe: ['Iframe', 'For CMSs that allow only iframes; sizes itself with our script on the page.'],
  amp: ['AMP', 'amp-iframe, resizable.'],
  wordpress: ['WordPress URL', 'Paste the address alone on a line: WordPress embeds it (oEmbed).'],
};
const THEMES = ['auto', 'light', 'dark'] as const;
const DEFAULT_ACCENT = '#0b57d0';

/**
 * Where the preview's snippet goes in the rendered page: the snippet is our own rendered markup,
 * kept once per edition, language and theme, so the page around it is all a request renders.
 * Random per isolate (made on first use: Workers allow no random values at startup), so that
 * no text of a title or an option can be taken for it.
 */
let previewMark = '';

export const builder = new Hono<AppEnv>();

builder.get('/embed', async (c) => {
  const origin = c.env.PUBLIC_ORIGIN;
  const index = await readIndex(c.env.EXPLAINERS);
  const q = (name: string) => c.req.query(name) ?? '';
  const first = index.entries[0];
  const id =
    SLUG.test(q('explainer')) && index.entries.some((e) => e.id === q('explainer')) ? q('explainer') : first?.id;
  if (!id) return c.text('No explainers are published yet.', 404);
  const entry = index.entries.find((e) => e.id === id)!;
  const lang = entry.languages.includes(q('lang')) ? q('lang') : undefined;
  const mode = (MODES as readonly string[]).includes(q('mode')) ? (q('mode') as Mode) : 'snippet';
  const theme = (THEMES as readonly string[]).includes(q('theme')) ? (q('theme') as EmbedChoice['theme']) : 'auto';
  const rawAccent = q('accent').toLowerCase();
  const accent = /^#[0-9a-f]{6}$/.test(rawAccent) && rawAccent !== DEFAULT_ACCENT ? rawAccent : undefined;
  const edition = await findDocument(c.env.EXPLAINERS, id, lang);
  const doc = edition.data;
  const choice: EmbedChoice = { id, title: doc.title, lang, mode, theme: theme === 'auto' ? undefined : theme, accent };
  // The snippet's markup (the costly part) is kept per edition, language and theme; the page
  // around it is rendered per request and kept nowhere, so no URL can fill the memo, and a
  // publish shows at once (the key holds the edition's version).
  const snippet =
    mode === 'snippet'
      ? remember(
          memoKey.markup('builder-snippet', edition.key, edition.version, lang ?? '', choice.theme ?? '', origin),
          () => snippetHtml({ doc, origin, lang, theme: choice.theme }),
        )
      : '';
  previewMark ||= `nx-preview-${crypto.randomUUID()}`;
  const code = embedCode(choice, origin, snippet);
  const css = accentCss(accent);
  const frameSrc = `${origin}/explainers/${id}?lang=${doc.lang}${choice.theme ? `&theme=${choice.theme}` : ''}`;
  const data = { 'data-explainer': id, 'data-lang': lang, 'data-theme': choice.theme };
  const html = htmlDocument(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Embed an explainer · News Explainer</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href="/site.css" />
        {accent ? <link rel="stylesheet" href={`/embed/accent.css?c=${accent.slice(1)}`} /> : null}
        <link rel="icon" href="data:," />
      </head>
      <body class="builder">
        <main>
          <h1>Embed an explainer</h1>
          <form id="builder" method="get" action="/embed">
            <p>
              <label>
                Explainer{' '}
                <select name="explainer">
                  {index.entries.map((e) => (
                    <option key={e.id} value={e.id} selected={e.id === id}>
                      {e.editions[e.lang]?.title ?? e.id}
                    </option>
                  ))}
                </select>
              </label>
            </p>
            <p>
              <label>
                Language{' '}
                <select name="lang">
                  <option value="">The page's language, else the default</option>
                  {entry.languages.map((l) => (
                    <option key={l} value={l} selected={l === lang}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
            </p>
            <fieldset>
              <legend>How your page embeds it</legend>
              {MODES.map((m) => (
                <p key={m}>
                  <label>
                    <input type="radio" name="mode" value={m} checked={m === mode} />{' '}
                    <strong>{MODE_LABELS[m][0]}</strong>: {MODE_LABELS[m][1]}
                  </label>
                </p>
              ))}
            </fieldset>
            <p>
              <label>
                Theme{' '}
                <select name="theme">
                  <option value="auto" selected={theme === 'auto'}>
                    Match the page
                  </option>
                  <option value="light" selected={theme === 'light'}>
                    Light
                  </option>
                  <option value="dark" selected={theme === 'dark'}>
                    Dark
                  </option>
                </select>
              </label>{' '}
              <label>
                Accent colour <input type="color" name="accent" value={accent ?? DEFAULT_ACCENT} />
              </label>
            </p>
            <p>
              <button type="submit">Update the preview</button>
            </p>
          </form>
          <section aria-labelledby="code-title">
            <h2 id="code-title">Embed code</h2>
            <pre tabIndex={0}>
              <code id="embed-code">{code}</code>
            </pre>
            {css ? (
              <>
                <p>And in your stylesheet, for the accent colour:</p>
                <pre tabIndex={0}>
                  <code>{css}</code>
                </pre>
              </>
            ) : null}
            <p>
              <button type="button" id="copy" hidden>
                Copy the embed code
              </button>{' '}
              <span id="copy-status" role="status"></span>
            </p>
          </section>
          <section aria-labelledby="preview-title" class="preview">
            <h2 id="preview-title">Live preview</h2>
            {mode === 'snippet' ? (
              { previewMark }
            ) : mode === 'script' ? (
              <script async src={`${origin}/v1/embed.js`} {...data}></script>
            ) : mode === 'placeholder' ? (
              <div {...data}></div>
            ) : (
              <iframe
                data-explainer-frame
                src={frameSrc}
                title={doc.title}
                width="100%"
                height="900"
                frameBorder="0"
              ></iframe>
            )}
          </section>
        </main>
        <script src="/v1/builder.js"></script>
        <script async src={`${origin}/v1/embed.js`}></script>
      </body>
    </html>,
  ).replace(previewMark, snippet);
  return htmlPage(c.req.header('If-None-Match'), {
    body: await toBody(html),
    cacheControl: 'no-store',
    // Exactly what the preview needs: our scripts, styles, API and frames, nothing inline.
    csp: { origins: [origin], frames: true, forms: true },
  });
});

/** The accent colour as a stylesheet, so the preview needs no inline style. */
builder.get('/embed/accent.css', async (c) => {
  const color = /^[0-9a-f]{6}$/i.test(c.req.query('c') ?? '') ? `#${c.req.query('c')!.toLowerCase()}` : DEFAULT_ACCENT;
  return prepared(c.req.header('If-None-Match'), {
    body: await toBody(`news-explainer { --news-explainer-accent: ${color}; }\n`),
    contentType: 'text/css; charset=utf-8',
    cacheControl: CACHE.page,
  });
});

describe('/embed', {
  operationId: 'getEmbedBuilder',
  summary: 'The embed builder: pick an explainer, language, mode, theme and accent; preview it live and copy the code',
  responses: { '200': ok('HTML page', 'text/html') },
});
describe('/embed/accent.css', {
  operationId: 'getAccentStylesheet',
  summary: "A stylesheet setting the widget's accent colour (the builder's preview)",
  responses: { '200': ok('CSS', 'text/css') },
});
