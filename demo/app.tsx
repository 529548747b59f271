/**
 * @module The demo: a made-up publisher's article with the explainer embedded as a publisher
 * would embed it, and the embed code beside it. Its own small app, mounted at `/` only when the
 * Worker's `DEMO` variable is "on" (`npm start` sets it); the product knows nothing of it.
 */
import { Hono } from 'hono';
import { formatDate } from '../ui/format.ts';
import { en } from '../ui/strings/index.ts';
import { findDocument } from '../worker/catalogue.ts';
import { EMBED_MODES, embedCode, MODES } from '../worker/embed-code.ts';
import type { AppEnv } from '../worker/env.ts';
import { htmlPage } from '../worker/html.ts';
import { CACHE, prepareBody, prepared } from '../worker/http-cache.ts';
import { memoKey } from '../worker/memo.ts';
import { Page, renderPage } from '../worker/page-shell.tsx';
import { pageErrors } from '../worker/problem.tsx';
import { Snippet } from '../worker/snippet.tsx';
import { renderingOf } from '../worker/rendering.tsx';
import { DEMO_ARTICLE } from './article.ts';
import { DEMO_CSS } from './styles.ts';

/** The explainer the demo article is about. */
const DEMO_ID = 'putin-baku-2024';

export const demo = new Hono<AppEnv>();
demo.onError(pageErrors({ framed: false }));

demo.get('/', async (c, next) => {
  if (c.env.DEMO !== 'on') return next();
  // The configured origin, never the request's Host header: a shared cache must not keep
  // another host's script URL in this page.
  const origin = c.env.PUBLIC_ORIGIN;
  const edition = await findDocument(c.env.EXPLAINERS, DEMO_ID, undefined);
  const doc = edition.data;
  const rendering = await renderingOf(edition);
  const body = await prepareBody(memoKey.body('demo', edition.key, edition.version, origin), () =>
    renderPage(
      <Page
        title={`${DEMO_ARTICLE.title} · Demo publisher`}
        description="A publisher-style article with the News Explainer embedded, and the code to embed it."
        bodyClass="demo"
        stylesheets={['/demo.css']}
      >
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
            <Snippet doc={doc} origin={origin} rendering={rendering} />
          </article>
          <section class="embed-docs" aria-labelledby="embed-title">
            <h2 id="embed-title">Embed this explainer</h2>
            <p>
              Paste one of these into your page or CMS. The widget adopts its own styles, needs no inline script or
              style, sets no cookies and sends nothing about your readers. The <a href="/embed">embed builder</a>{' '}
              previews each one.
            </p>
            {MODES.map((mode) => (
              <figure key={mode}>
                <figcaption>
                  <strong>{EMBED_MODES[mode].label}</strong>: {EMBED_MODES[mode].note}
                </figcaption>
                <pre tabIndex={0}>
                  <code>
                    {mode === 'snippet'
                      ? `curl ${origin}/explainers/${DEMO_ID}/snippet   # prints the code to paste`
                      : embedCode({ id: DEMO_ID, title: doc.title, mode }, origin, '')}
                  </code>
                </pre>
              </figure>
            ))}
            <p>
              Developers: <a href="/v1/explainers">/v1/explainers</a> (index),{' '}
              <a href={`/v1/explainers/${DEMO_ID}`}>/v1/explainers/{DEMO_ID}</a> (JSON),{' '}
              <a href="/docs">API reference</a>.
            </p>
          </section>
        </main>
      </Page>,
    ),
  );
  return htmlPage(c.req.header('If-None-Match'), { body, csp: { origins: [origin] } });
});

demo.get('/demo.css', async (c, next) => {
  if (c.env.DEMO !== 'on') return next();
  return prepared(c.req.header('If-None-Match'), {
    body: await prepareBody(memoKey.body('asset', 'demo.css'), () => DEMO_CSS),
    contentType: 'text/css; charset=utf-8',
    cacheControl: CACHE.page,
  });
});
