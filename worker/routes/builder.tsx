/**
 * @module `GET /embed`: the embed builder. A publisher picks an explainer, its language, the
 * mode, a theme and an accent colour, sees the real widget in that configuration, and copies
 * the code. A plain GET form (works without script); builder.js updates on change and copies.
 */
import { Hono } from 'hono';
import { SLUG } from '../../catalogue/patterns.ts';
import type { AppEnv } from '../env.ts';
import { findDocument, readIndex } from '../catalogue.ts';
import { accentCss, EMBED_MODES, embedCode, MODES, type EmbedChoice, type Mode } from '../embed-code.ts';
import { htmlPage } from '../html.ts';
import { Page, renderPage } from '../page-shell.tsx';
import { CACHE, prepared, toBody } from '../http-cache.ts';
import { memoKey, remember } from '../memo.ts';
import { widget } from '../../generated/widget.ts';
import { HASHED_EMBED_PATH } from './assets.ts';
import { THEMES, type Theme } from '../../ui/theme.ts';
import { describe, NOT_MODIFIED, ok, THEME_PARAM, UNAVAILABLE } from '../openapi.ts';
import { snippetHtml } from '../snippet.tsx';
import { renderingOf } from '../rendering.tsx';
import { notFound, pageErrors } from '../problem.tsx';

/** 40120 → "40,120" (no Intl: the same digits in every runtime). */
const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const DEFAULT_ACCENT = '#0b57d0';

/**
 * Where the preview's snippet goes in the rendered page: the snippet is our own rendered markup,
 * kept once per edition, language and theme, so the page around it is all a request renders.
 * Random per isolate (made on first use: Workers allow no random values at startup), so that
 * no text of a title or an option can be taken for it.
 */
let previewMark = '';

export const builder = new Hono<AppEnv>();
builder.onError(pageErrors({ framed: false }));

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
  const theme = (THEMES as readonly string[]).includes(q('theme')) ? (q('theme') as Theme) : 'auto';
  const rawAccent = q('accent').toLowerCase();
  const accent = /^#[0-9a-f]{6}$/.test(rawAccent) && rawAccent !== DEFAULT_ACCENT ? rawAccent : undefined;
  const edition = await findDocument(c.env.EXPLAINERS, id, lang);
  const doc = edition.data;
  // Pinned: this release's embed.js at its hashed URL with SRI, so no change reaches the page
  // until the publisher updates the code (the WordPress and AMP codes load no embed.js).
  const pin = q('pin') === '1';
  const pinned = pin ? { src: `${origin}${HASHED_EMBED_PATH}`, integrity: widget.integrity } : undefined;
  const choice: EmbedChoice = {
    id,
    title: doc.title,
    lang,
    mode,
    theme: theme === 'auto' ? undefined : theme,
    accent,
    pinned,
  };
  const rendering = await renderingOf(edition);
  // The snippet's markup (the costly part) is kept per edition, language and theme; the page
  // around it is rendered per request and kept nowhere, so no URL can fill the memo, and a
  // publish shows at once (the key holds the edition's version).
  const snippet =
    mode === 'snippet'
      ? remember(
          memoKey.markup('builder-snippet', edition.key, edition.version, lang ?? '', choice.theme ?? '', origin),
          () => snippetHtml({ doc, origin, lang, theme: choice.theme, rendering }),
        )
      : '';
  previewMark ||= `nx-preview-${crypto.randomUUID()}`;
  const code = embedCode(choice, origin, snippet);
  const css = accentCss(accent);
  const frameSrc = `${origin}/explainers/${id}?lang=${doc.lang}${choice.theme ? `&theme=${choice.theme}` : ''}`;
  const data = { 'data-explainer': id, 'data-lang': lang, 'data-theme': choice.theme };
  const size = `${groupDigits(new TextEncoder().encode(code).length)} bytes`;
  const html = renderPage(
    <Page
      title="Embed an explainer · News Explainer"
      description="Choose an explainer, its language, embed mode, theme and accent colour, preview it live and copy the embed code."
      robots="noindex"
      bodyClass="builder"
      stylesheets={accent ? [`/embed/accent.css?c=${accent.slice(1)}`] : []}
      scripts={[{ src: '/v1/builder.js' }, { src: `${origin}/v1/embed.js`, async: true }]}
    >
      <main>
        <h1>Embed an explainer</h1>
        <p class="builder-lede">
          Choose an explainer and how your page embeds it, check the live preview, then paste the code into your page or
          CMS. More in the <a href="/docs">API reference</a>.
        </p>
        <div class="builder-grid">
          <div class="builder-side">
            <form id="builder" class="builder-form" method="get" action="/embed">
              <p class="builder-field">
                <label for="f-explainer">Explainer</label>
                <select id="f-explainer" name="explainer">
                  {index.entries.map((e) => (
                    <option key={e.id} value={e.id} selected={e.id === id}>
                      {e.editions[e.lang]?.title ?? e.id}
                    </option>
                  ))}
                </select>
              </p>
              <div class="builder-row">
                <p class="builder-field">
                  <label for="f-lang">Language</label>
                  <select id="f-lang" name="lang">
                    <option value="">The page's, else the default</option>
                    {entry.languages.map((l) => (
                      <option key={l} value={l} selected={l === lang}>
                        {l}
                      </option>
                    ))}
                  </select>
                </p>
                <p class="builder-field">
                  <label for="f-theme">Theme</label>
                  <select id="f-theme" name="theme">
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
                </p>
                <p class="builder-field">
                  <label for="f-accent">Accent colour</label>
                  <input id="f-accent" type="color" name="accent" value={accent ?? DEFAULT_ACCENT} />
                </p>
              </div>
              <p class="builder-field">
                <label>
                  <input type="checkbox" name="pin" value="1" checked={pin} /> Pin this release of embed.js (Subresource
                  Integrity): no change of ours reaches your page until you update the code
                </label>
              </p>
              <fieldset class="builder-modes">
                <legend>How your page embeds it</legend>
                {MODES.map((m) => (
                  <label key={m} class="builder-mode">
                    <input type="radio" id={`f-mode-${m}`} name="mode" value={m} checked={m === mode} />
                    <span>
                      <strong>{EMBED_MODES[m].label}</strong> <span class="builder-hint">{EMBED_MODES[m].note}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <p class="builder-submit">
                <button type="submit">Update the preview</button>
              </p>
            </form>
            <section aria-labelledby="code-title" class="builder-code">
              <div class="builder-code-head">
                <h2 id="code-title">Embed code</h2>
                <span id="code-size" class="builder-size">
                  {size}
                </span>
                <button type="button" id="copy" class="builder-copy" hidden>
                  Copy<span class="builder-vh"> the embed code</span>
                </button>
              </div>
              <pre tabIndex={0} role="region" aria-labelledby="code-title code-size" class="builder-box">
                <code id="embed-code">{code}</code>
              </pre>
              <p id="copy-status" role="status" class="builder-status"></p>
              {css ? (
                <>
                  <p id="css-title">And in your stylesheet, for the accent colour:</p>
                  <pre tabIndex={0} role="region" aria-labelledby="css-title" class="builder-box">
                    <code id="accent-code">{css}</code>
                  </pre>
                </>
              ) : null}
            </section>
          </div>
          <section aria-labelledby="preview-title" class="preview">
            <h2 id="preview-title">Live preview</h2>
            {mode === 'snippet' ? (
              previewMark
            ) : mode === 'script' ? (
              <script async src={`${origin}/v1/embed.js`} {...data}></script>
            ) : mode === 'placeholder' ? (
              <div {...data}></div>
            ) : (
              <iframe data-explainer-frame src={frameSrc} title={doc.title} width="100%" height="900"></iframe>
            )}
          </section>
        </div>
      </main>
    </Page>,
  ).replace(previewMark, () => snippet);
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

builder.get('/embed/*', (c) => {
  throw notFound(`Nothing at ${c.req.path}; the embed builder is at /embed.`);
});

describe('/embed', {
  operationId: 'getEmbedBuilder',
  summary: 'The embed builder',
  description:
    'Pick an explainer, its language, the embed mode, a theme and an accent colour (and whether to pin this release with SRI); preview it live and copy the code. A plain GET form.',
  tags: ['Pages'],
  parameters: [
    {
      name: 'explainer',
      in: 'query',
      required: false,
      description: 'An explainer id; default the first one.',
      schema: { type: 'string' },
    },
    {
      name: 'lang',
      in: 'query',
      required: false,
      description: "One of its editions; default the page's.",
      schema: { type: 'string' },
    },
    {
      name: 'mode',
      in: 'query',
      required: false,
      description: 'How the page embeds it.',
      schema: {
        type: 'string',
        enum: ['snippet', 'script', 'placeholder', 'iframe', 'amp', 'wordpress'],
        default: 'snippet',
      },
    },
    THEME_PARAM,
    {
      name: 'accent',
      in: 'query',
      required: false,
      description: 'An accent colour, `#rrggbb`.',
      schema: { type: 'string' },
    },
    {
      name: 'pin',
      in: 'query',
      required: false,
      description: '`1`: pin this release of embed.js with SRI.',
      schema: { type: 'string', enum: ['1'] },
    },
  ],
  responses: { '200': ok('HTML page (not cached: it follows every publish)', 'text/html'), '503': UNAVAILABLE },
});
describe('/embed/accent.css', {
  operationId: 'getAccentStylesheet',
  summary: "A stylesheet setting the widget's accent colour",
  description: "The builder's preview loads it, so that its page needs no inline style.",
  tags: ['Pages'],
  parameters: [
    {
      name: 'c',
      in: 'query',
      required: false,
      description: 'The colour as six hex digits, without `#`.',
      schema: { type: 'string', pattern: '^[0-9a-fA-F]{6}$' },
    },
  ],
  responses: { '200': ok('CSS', 'text/css'), '304': NOT_MODIFIED },
});
