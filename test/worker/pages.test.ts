import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';

/** Pages name our configured public origin, never the request's host (wrangler.toml [vars]). */
const ORIGIN = env.PUBLIC_ORIGIN;

describe('GET /explainers/:id (server-rendered page: iframe embed and fallback)', () => {
  it('renders the full explainer without JavaScript', async () => {
    const res = await get('/explainers/putin-baku-2024');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    // A page of its own: the title is its h1 and the sections are h2s.
    expect(html).toMatch(/<h1 id="nx-title" class="nx-title">Putin's state visit/);
    expect(html).toContain('<h2 id="nx-h-facts" class="nx-h">Key facts</h2>');
    expect(html).toContain('Key facts');
    expect(html).toContain('<details class="nx-card" id="putin-baku-2024-icc-warrant" data-card="icc-warrant">');
    // Citation markers link into the numbered Sources list on the same page.
    expect(html).toMatch(/<a class="nx-mark" href="#nx-src-[a-z0-9-]+" aria-label="Source 1: /);
    expect(html).toContain('International Criminal Court');
    // Its only script is our own frame.js (height for hosts that frame it), plus JSON-LD data.
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script type="application/ld+json">',
      '<script src="/v1/frame.js">',
    ]);
  });

  it('marks source titles in another language with lang, as the widget does', async () => {
    const html = await (await get('/explainers/putin-baku-2024')).text();
    expect(html).toMatch(/<a href="https:\/\/[^"]+" target="_blank" rel="noopener noreferrer" lang="ru">/);
  });

  it('takes ?lang=ru: lang="ru", Russian words, and links each edition with hreflang', async () => {
    const res = await get('/explainers/putin-baku-2024?lang=ru');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe('ru');
    const html = await res.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<article class="nx" data-theme="auto" data-id="putin-baku-2024"');
    expect(html).toContain('lang="ru" aria-labelledby="nx-title"');
    expect(html).toContain('Ключевые факты');
    expect(html).toMatch(/\d{1,2} [а-я]+ 20\d\d г\./);
    expect(html).not.toContain('Key facts');
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${ORIGIN}/explainers/putin-baku-2024?lang=en"/>`);
    expect(html).toContain(`<link rel="alternate" hreflang="ru" href="${ORIGIN}/explainers/putin-baku-2024?lang=ru"/>`);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/explainers/putin-baku-2024?lang=ru"/>`);
  });

  it('can be framed by any site', async () => {
    const res = await get('/explainers/putin-baku-2024');
    expect(res.headers.get('X-Frame-Options')).toBeNull();
    expect(res.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
  });

  it('returns problem documents for bad ids', async () => {
    expect((await get('/explainers/Nope')).status).toBe(400);
    expect((await get('/explainers/nope')).status).toBe(404);
  });

  it('serves its stylesheet', async () => {
    const res = await get('/v1/explainer.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toContain('.nx-card');
  });
});

describe('GET /explainers/:id/snippet (the zero-shift embed code)', () => {
  it('is the element with a server-rendered declarative shadow root, then the script, CORS-readable', async () => {
    const res = await get('/explainers/putin-baku-2024/snippet');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const html = await res.text();
    expect(html.startsWith('<news-explainer explainer="putin-baku-2024"><template shadowrootmode="open">')).toBe(true);
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
    expect(html.startsWith('<news-explainer explainer="putin-baku-2024" lang="en">')).toBe(true);
  });

  it('renders the Russian edition with Russian words for ?lang=ru', async () => {
    const res = await get('/explainers/putin-baku-2024/snippet?lang=ru');
    expect(res.headers.get('Content-Language')).toBe('ru');
    const html = await res.text();
    expect(html.startsWith('<news-explainer explainer="putin-baku-2024" lang="ru">')).toBe(true);
    expect(html).toContain('Почему это важно');
    expect(html).not.toMatch(/Key facts|Why it matters|Show all/);
  });

  it('never writes the request Host header into the snippet', async () => {
    const html = await (await get('/explainers/putin-baku-2024/snippet', { headers: { Host: 'evil.example' } })).text();
    expect(html).not.toContain('evil.example');
  });

  it('returns a problem for an unknown explainer', async () => {
    const res = await get('/explainers/nope/snippet');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
