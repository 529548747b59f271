/**
 * GET /explainers/:id/snippet, the zero-shift embed code a publisher pastes: the element with a
 * server-rendered declarative shadow root, then the script; its editions; no structured data;
 * our page headers, never framed, never the request's host; a problem for an unknown explainer.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';
import type { Explainer } from '../../catalogue/schema.ts';
import { renderingOf } from '../../worker/rendering.tsx';
import entries from '../../generated/kv.json';

/** Pages name our configured public origin, never the request's host (wrangler.toml [vars]). */
const ORIGIN = env.PUBLIC_ORIGIN;

describe('GET /explainers/:id/snippet', () => {
  it('is the element with a server-rendered declarative shadow root, then the script, CORS-readable', async () => {
    const res = await get('/explainers/putin-baku-2024/snippet');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const html = await res.text();
    expect(html).toMatch(
      /^<news-explainer explainer="putin-baku-2024" rendering="[\w-]{27}"><template shadowrootmode="open">/,
    );
    expect(html).toContain(`<link rel="stylesheet" href="${ORIGIN}/v1/explainer.css"/><article class="nx"`);
    expect(html).toContain('<h2 id="nx-title" class="nx-title">');
    expect(html).toMatch(/<\/template><\/news-explainer>\n<script async src="[^"]+\/v1\/embed\.js"><\/script>$/);
    expect(html).toContain(`<script async src="${ORIGIN}/v1/embed.js"></script>`);
    // No inline script or style: it works under a strict CSP plus `style-src ORIGIN`.
    expect(html).not.toMatch(/<style|style="|<script>/);
    expect(html).toContain('Key facts');
  });

  it('names the edition on the element only when one was asked for', async () => {
    const html = await (await get('/explainers/putin-baku-2024/snippet?lang=en')).text();
    expect(html).toMatch(/^<news-explainer explainer="putin-baku-2024" lang="en" rendering="[\w-]{27}">/);
  });

  it('renders the Russian edition with Russian words for ?lang=ru', async () => {
    const res = await get('/explainers/putin-baku-2024/snippet?lang=ru');
    expect(res.headers.get('Content-Language')).toBe('ru');
    const html = await res.text();
    expect(html).toMatch(/^<news-explainer explainer="putin-baku-2024" lang="ru" rendering="[\w-]{27}">/);
    expect(html).toContain('Почему это важно');
    expect(html).not.toMatch(/Key facts|Why it matters|Show all/);
  });

  it('carries no structured data (it would compete with the host article’s)', async () => {
    expect(await (await get('/explainers/putin-baku-2024/snippet')).text()).not.toContain('ld+json');
  });

  it('never writes the request Host header into the snippet', async () => {
    const html = await (await get('/explainers/putin-baku-2024/snippet', { headers: { Host: 'evil.example' } })).text();
    expect(html).not.toContain('evil.example');
  });

  it('sends the CSP and headers of our pages, and may not be framed', async () => {
    const res = await get('/explainers/putin-baku-2024/snippet');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('Permissions-Policy')).toContain('camera=()');
  });

  it('returns a problem for an unknown explainer', async () => {
    const res = await get('/explainers/nope/snippet');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  });
});

describe('GET /explainers/:id/snippet names its rendering, and the API answers whether it is current', () => {
  const renderingIn = (html: string) => /<news-explainer [^>]*rendering="([\w-]{27})"/.exec(html)?.[1];

  it('carries rendering="…"; GET /v1/explainers/:id?rendering= with it is 204, without a body, with CORS', async () => {
    const rendering = renderingIn(await (await get('/explainers/putin-baku-2024/snippet')).text());
    expect(rendering).toMatch(/^[\w-]{27}$/);
    const check = await get(`/v1/explainers/putin-baku-2024?lang=en&rendering=${rendering!}`, {
      headers: { Origin: 'https://publisher.example' },
    });
    expect(check.status).toBe(204);
    expect(await check.text()).toBe('');
    expect(check.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(check.headers.get('Cache-Control')).toContain('s-maxage');
    // The Russian snippet has its own rendering, current for the Russian edition only.
    const ru = renderingIn(await (await get('/explainers/putin-baku-2024/snippet?lang=ru')).text());
    expect(ru).not.toBe(rendering);
    expect((await get(`/v1/explainers/putin-baku-2024?lang=ru&rendering=${ru!}`)).status).toBe(204);
    expect((await get(`/v1/explainers/putin-baku-2024?lang=en&rendering=${ru!}`)).status).toBe(200);
  });

  it('answers a rendering that is not current with the edition itself, and a malformed one with 400', async () => {
    const plain = await get('/v1/explainers/putin-baku-2024?lang=en');
    const stale = await get(`/v1/explainers/putin-baku-2024?lang=en&rendering=${'A'.repeat(27)}`);
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(await plain.text());
    const bad = await get('/v1/explainers/putin-baku-2024?rendering=not%20one');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('a rendering changes with every word of the edition (a same-day correction) and only then', async () => {
    const edition = entries.find((e) => e.key === 'explainer:putin-baku-2024:en')!;
    const data = JSON.parse(edition.value) as Explainer;
    const of = (version: string, doc: Explainer) =>
      renderingOf({ key: 'test:rendering', version, body: '', data: doc });
    const first = await of('v1', data);
    expect(await of('v1-again', data)).toBe(first);
    const corrected = { ...data, title: `${data.title}.` };
    expect(await of('v2', corrected)).not.toBe(first);
  });
});

describe('typography per language reaches every rendering', () => {
  it('the page, the snippet and the JSON keep "18–19 August" and «19 августа 2024 года» from breaking', async () => {
    const en = '18–\u206019\u00a0August';
    const ru = '18–\u206019\u00a0августа 2024\u00a0года';
    for (const path of [
      '/explainers/putin-baku-2024',
      '/explainers/putin-baku-2024/snippet',
      '/v1/explainers/putin-baku-2024',
    ])
      expect(await (await get(path)).text(), path).toContain(en);
    for (const path of [
      '/explainers/putin-baku-2024?lang=ru',
      '/explainers/putin-baku-2024/snippet?lang=ru',
      '/v1/explainers/putin-baku-2024?lang=ru',
    ])
      expect(await (await get(path)).text(), path).toContain(ru);
  });
});
