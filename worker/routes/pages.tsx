/**
 * @module HTML: the server-rendered explainer page (`/explainers/:id`), which is the iframe
 * embed and the readers' fallback when the API fails, the zero-shift snippet, and the redirect
 * that lets a sandboxed frame open its sources.
 */
import { Hono } from 'hono';
import { Explainer } from '../../ui/Explainer.tsx';
import { stringsFor } from '../../ui/strings/index.ts';
import { editionsOf, findDocument } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { HTML_TYPE, htmlPage, pageHeaders } from '../html.ts';
import { Page, renderPage } from '../page-shell.tsx';
import { memoKey } from '../memo.ts';
import { jsonLd, jsonLdBlock } from '../json-ld.ts';
import {
  describe,
  HEADERS,
  ID_PARAM,
  LANG_PARAM,
  NOT_MODIFIED,
  ok,
  problem,
  THEME_PARAM,
  UNAVAILABLE,
} from '../openapi.ts';
import { SLUG } from '../../catalogue/patterns.ts';
import { CACHE, prepareBody, prepared } from '../http-cache.ts';
import { SITE_CSS } from './site-css.ts';
import { snippetHtml } from '../snippet.tsx';
import { renderingOf } from '../rendering.tsx';
import { notFound, pageErrors } from '../problem.tsx';
import { feedTitle, feedUrl } from '../atom.ts';

export const pages = new Hono<AppEnv>();
// These pages are framed by any site: so are their error pages.
pages.onError(pageErrors({ framed: true }));

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
      renderPage(
        <Page
          lang={doc.lang}
          title={doc.title}
          description={doc.summary}
          bodyClass="explainer-page"
          stylesheets={['/v1/explainer.css']}
          scripts={[{ src: '/v1/frame.js' }]}
          head={
            <>
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
              <link
                rel="alternate"
                type="application/atom+xml"
                href={feedUrl(origin, doc.lang)}
                title={feedTitle(doc.lang)}
              />
            </>
          }
        >
          <main>
            <Explainer doc={doc} level={1} theme={theme} t={stringsFor(doc.lang)} />
          </main>
        </Page>,
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
  const rendering = await renderingOf(edition);
  const body = await prepareBody(memoKey.body('snippet', edition.key, edition.version, lang ? 1 : 0, origin), () =>
    snippetHtml({ doc, origin, lang, rendering }),
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

/** A source of an explainer, by id: the target a sandboxed frame hands to WordPress. */
pages.get('/explainers/:id/sources/:source', async (c) => {
  const doc = (await findDocument(c.env.EXPLAINERS, c.req.param('id'), c.req.query('lang'))).data;
  const source = doc.sources.find((s) => s.id === c.req.param('source'));
  if (!source || !source.url.startsWith('https://'))
    throw notFound(`Explainer "${doc.id}" has no source "${c.req.param('source').slice(0, 80)}".`);
  return c.body(null, 302, { Location: source.url, 'Cache-Control': CACHE.content });
});

pages.get('/site.css', async (c) =>
  prepared(c.req.header('If-None-Match'), {
    body: await prepareBody(memoKey.body('asset', 'site.css'), () => SITE_CSS),
    contentType: 'text/css; charset=utf-8',
    cacheControl: CACHE.page,
  }),
);

/** Any other path under /explainers/ is a page that does not exist (a page, for browsers). */
pages.get('/explainers/*', (c) => {
  throw notFound(`Nothing at ${c.req.path}. GET /v1/explainers lists the explainers.`);
});

describe('/explainers/{id}', {
  operationId: 'getExplainerPage',
  summary: 'The explainer as a server-rendered HTML page',
  description:
    "The iframe embed and the readers' fallback when the API fails: readable without script, framable by any site, found by search engines (JSON-LD, canonical and hreflang links).",
  tags: ['Pages'],
  parameters: [ID_PARAM, LANG_PARAM, THEME_PARAM],
  responses: {
    '200': ok('HTML page; hreflang links name the other editions', 'text/html', undefined, {
      'Content-Language': HEADERS['Content-Language'],
    }),
    '304': NOT_MODIFIED,
    '400': problem('A malformed id or lang', ['invalid-parameter']),
    '404': problem('No such explainer or edition', ['unknown-explainer', 'edition-not-available']),
    '503': UNAVAILABLE,
  },
});
describe('/explainers/{id}/snippet', {
  operationId: 'getExplainerSnippet',
  summary: 'The embed code for zero layout shift',
  description:
    '`<news-explainer>` with the explainer server-rendered in a declarative shadow root, then the embed.js script tag: paste it or include it server-side. Its `rendering` attribute lets embed.js ask whether it is current.',
  tags: ['Pages'],
  parameters: [
    ID_PARAM,
    { ...LANG_PARAM, description: 'Edition; written on the element so the widget asks for the same one.' },
  ],
  responses: {
    '200': ok('HTML to paste or include server-side', 'text/html', undefined, {
      'Content-Language': HEADERS['Content-Language'],
    }),
    '304': NOT_MODIFIED,
    '400': problem('A malformed id or lang', ['invalid-parameter']),
    '404': problem('No such explainer or edition', ['unknown-explainer', 'edition-not-available']),
    '503': UNAVAILABLE,
  },
});
describe('/site.css', {
  operationId: 'getSiteStylesheet',
  summary: 'The stylesheet of our own pages',
  description: 'Home, explainer page, API reference, embed builder and error pages.',
  tags: ['Pages'],
  responses: { '200': ok('CSS', 'text/css'), '304': NOT_MODIFIED },
});
describe('/explainers/{id}/sources/{source}', {
  operationId: 'followSource',
  summary: "A redirect to one of the explainer's own sources",
  description: "How a sandboxed frame in WordPress opens a source: WordPress only follows links to the frame's host.",
  tags: ['Pages'],
  parameters: [
    ID_PARAM,
    {
      name: 'source',
      in: 'path',
      required: true,
      description: 'A source id of that explainer.',
      schema: { type: 'string', pattern: SLUG.source },
    },
    LANG_PARAM,
  ],
  responses: {
    '302': {
      description: 'To the source',
      headers: {
        Location: {
          description: "The source's https address.",
          required: true,
          schema: { type: 'string', format: 'uri' },
        },
      },
    },
    '400': problem('A malformed id or lang', ['invalid-parameter']),
    '404': problem('No such explainer, edition or source', ['unknown-explainer', 'edition-not-available', 'not-found']),
    '503': UNAVAILABLE,
  },
});
