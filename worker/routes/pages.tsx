/**
 * @module HTML: the demo publisher page (`/`) and the server-rendered explainer page
 * (`/explainers/:id`), which is the iframe embed and the readers' fallback when the API fails.
 */
import { Hono } from 'hono';
import { Explainer } from '../../ui/Explainer.tsx';
import { formatDate } from '../../ui/format.ts';
import { en, stringsFor } from '../../ui/strings/index.ts';
import { editionsOf, findDocument } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { widget } from '../../generated/widget.ts';
import { HTML_TYPE, htmlDocument, htmlPage, pageHeaders } from '../html.ts';
import { memoKey } from '../memo.ts';
import { jsonLd, jsonLdBlock } from '../json-ld.ts';
import { describe, ID_PARAM, LANG_PARAM, NOT_MODIFIED, ok, problem, THEME_PARAM } from '../openapi.ts';
import { CACHE, prepareBody, prepared } from '../http-cache.ts';
import { HASHED_EMBED_PATH } from './assets.ts';
import { DEMO_ARTICLE } from './demo-article.tsx';
import { SITE_CSS } from './site-css.ts';
import { Snippet, snippetHtml } from '../snippet.tsx';

const DEMO_ID = 'putin-baku-2024';

export const pages = new Hono<AppEnv>();

function snippets(origin: string): { label: string; code: string }[] {
  return [
    {
      label: `Server-rendered, no layout shift (recommended): the output of ${origin}/explainers/${DEMO_ID}/snippet`,
      code: `<news-explainer explainer="${DEMO_ID}"><template shadowrootmode="open">…the explainer…</template></news-explainer>\n<script async src="${origin}/v1/embed.js"></script>`,
    },
    {
      label: 'Script tag (renders where it stands)',
      code: `<script async src="${origin}/v1/embed.js" data-explainer="${DEMO_ID}"></script>`,
    },
    {
      label: 'Placeholder (any number, one script per page)',
      code: `<div data-explainer="${DEMO_ID}"></div>\n<script async src="${origin}/v1/embed.js"></script>`,
    },
    {
      label: 'Pinned with Subresource Integrity',
      code: `<script async src="${origin}${HASHED_EMBED_PATH}" integrity="${widget.integrity}" crossorigin="anonymous" data-explainer="${DEMO_ID}"></script>`,
    },
    {
      label: 'Iframe (CMSs that allow only iframes)',
      code: `<iframe src="${origin}/explainers/${DEMO_ID}" title="Explainer" loading="lazy" width="100%" height="640" frameborder="0"></iframe>`,
    },
  ];
}

pages.get('/', async (c) => {
  // The configured origin, never the request's Host header: a shared cache must not keep
  // another host's script URL in this page.
  const origin = c.env.PUBLIC_ORIGIN;
  const edition = await findDocument(c.env.EXPLAINERS, DEMO_ID, undefined);
  const doc = edition.data;
  const body = await prepareBody(memoKey.body('demo', edition.key, edition.version, origin), () =>
    htmlDocument(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${DEMO_ARTICLE.title} · Demo publisher`}</title>
          <link rel="stylesheet" href="/site.css" />
          <link rel="icon" href="data:," />
        </head>
        <body>
          <header class="masthead">
            <p class="brand">The Demo Ledger</p>
            <p class="tagline">A publisher-style page showing the News Explainer embed</p>
          </header>
          <main>
            <article class="story">
              <h1>{DEMO_ARTICLE.title}</h1>
              <p class="byline">
                {DEMO_ARTICLE.dateline} · <time dateTime={DEMO_ARTICLE.date}>{formatDate(DEMO_ARTICLE.date, en)}</time>
              </p>
              {DEMO_ARTICLE.paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
              <Snippet doc={doc} origin={origin} />
            </article>
            <section class="embed-docs" aria-labelledby="embed-title">
              <h2 id="embed-title">Embed this explainer</h2>
              <p>
                Paste one of these into your page or CMS. The widget adopts its own styles, needs no inline script or
                style, sets no cookies and sends nothing about your readers.
              </p>
              {snippets(origin).map((s) => (
                <figure key={s.label}>
                  <figcaption>{s.label}</figcaption>
                  <pre tabIndex={0}>
                    <code>{s.code}</code>
                  </pre>
                </figure>
              ))}
              <p>
                Developers: <a href="/v1/explainers">/v1/explainers</a> (index),{' '}
                <a href={`/v1/explainers/${DEMO_ID}`}>/v1/explainers/{DEMO_ID}</a> (JSON),{' '}
                <a href="/v1/openapi.json">OpenAPI description</a>.
              </p>
            </section>
          </main>
        </body>
      </html>,
    ),
  );
  return htmlPage(c.req.header('If-None-Match'), { body, csp: { origins: [origin] } });
});

pages.get('/explainers/:id', async (c) => {
  const edition = await findDocument(c.env.EXPLAINERS, c.req.param('id'), c.req.query('lang'));
  const doc = edition.data;
  const editions = await editionsOf(c.env.EXPLAINERS, doc.id);
  const requested = c.req.query('theme');
  const theme = requested === 'dark' || requested === 'light' ? requested : 'auto';
  const origin = c.env.PUBLIC_ORIGIN;
  const pageUrl = `${origin}/explainers/${doc.id}?lang=${doc.lang}`;
  const body = await prepareBody(
    memoKey.body('explainer-page', edition.key, edition.version, editions.join(), theme, origin),
    () =>
      htmlDocument(
        <html lang={doc.lang}>
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{doc.title}</title>
            <meta name="description" content={doc.summary} />
            <link rel="canonical" href={pageUrl} />
            <link rel="alternate" type="application/json" href={`/v1/explainers/${doc.id}?lang=${doc.lang}`} />
            <link
              rel="alternate"
              type="application/json+oembed"
              href={`${origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`}
              title={doc.title}
            />
            {editions.map((lang) => (
              <link key={lang} rel="alternate" hrefLang={lang} href={`${origin}/explainers/${doc.id}?lang=${lang}`} />
            ))}
            <link rel="stylesheet" href="/v1/explainer.css" />
            <link rel="stylesheet" href="/site.css" />
            <link rel="icon" href="data:," />
          </head>
          <body class="explainer-page">
            <main>
              <Explainer doc={doc} level={1} theme={theme} t={stringsFor(doc.lang)} />
            </main>
            <script src="/v1/frame.js"></script>
          </body>
        </html>,
      ).replace('</head>', `${jsonLdBlock(jsonLd(doc, pageUrl))}</head>`),
  );
  // Framable by any site: this page is the iframe embed.
  return htmlPage(c.req.header('If-None-Match'), {
    body,
    csp: { framed: true },
    headers: { 'Content-Language': doc.lang },
  });
});

/**
 * The embed code for zero layout shift: the explainer server-rendered in a declarative shadow
 * root, readable without script, then taken over in place by embed.js. Publishers paste it or
 * include it server-side (edge includes, CMS blocks).
 */
pages.get('/explainers/:id/snippet', async (c) => {
  const lang = c.req.query('lang');
  const edition = await findDocument(c.env.EXPLAINERS, c.req.param('id'), lang);
  const doc = edition.data;
  const origin = c.env.PUBLIC_ORIGIN;
  const body = await prepareBody(memoKey.body('snippet', edition.key, edition.version, lang ? 1 : 0, origin), () =>
    snippetHtml({ doc, origin, lang }),
  );
  // A fragment to paste, fetched by servers and publishers' tools; opened as a page by a
  // browser, it gets our page headers all the same (it may not be framed).
  return prepared(c.req.header('If-None-Match'), {
    body,
    contentType: HTML_TYPE,
    cacheControl: CACHE.content,
    headers: { ...pageHeaders(), 'Content-Language': doc.lang },
  });
});

pages.get('/site.css', async (c) =>
  prepared(c.req.header('If-None-Match'), {
    body: await prepareBody(memoKey.body('asset', 'site.css'), () => SITE_CSS),
    contentType: 'text/css; charset=utf-8',
    cacheControl: CACHE.page,
  }),
);

describe('/', {
  operationId: 'getDemoPage',
  summary: "The demo publisher's article with the explainer embedded (zero-shift snippet), and the embed code",
  responses: { '200': ok('HTML page', 'text/html') },
});
describe('/explainers/{id}', {
  operationId: 'getExplainerPage',
  summary: "The explainer as a server-rendered HTML page (iframe embed, readers' fallback)",
  parameters: [ID_PARAM, LANG_PARAM, THEME_PARAM],
  responses: {
    '200': ok('HTML page (Content-Language names the edition; hreflang links the others)', 'text/html'),
    '400': problem('Malformed id or language'),
    '404': problem('Unknown explainer or edition'),
    '503': problem('The catalogue could not be read'),
  },
});
describe('/explainers/{id}/snippet', {
  operationId: 'getExplainerSnippet',
  summary:
    'The embed code for zero layout shift: <news-explainer> with the explainer server-rendered in a declarative shadow root, then the embed.js script tag',
  parameters: [
    ID_PARAM,
    { ...LANG_PARAM, description: 'Edition; written on the element so the widget asks for the same one.' },
  ],
  responses: {
    '200': ok('HTML to paste or include server-side', 'text/html'),
    '304': NOT_MODIFIED,
    '400': problem('Malformed id or language'),
    '404': problem('Unknown explainer or edition'),
    '503': problem('The catalogue could not be read'),
  },
});
describe('/site.css', {
  operationId: 'getSiteStylesheet',
  summary: 'The stylesheet of our own pages (demo, explainer page, API reference)',
  responses: { '200': ok('CSS', 'text/css') },
});
