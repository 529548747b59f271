/**
 * GET /explainers/:id/snippet, the zero-shift embed code a publisher pastes: the element with a
 * server-rendered declarative shadow root, then the script; its editions; no structured data;
 * our page headers, never framed, never the request's host; a problem for an unknown explainer.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';

/** Pages name our configured public origin, never the request's host (wrangler.toml [vars]). */
const ORIGIN = env.PUBLIC_ORIGIN;

describe('GET /explainers/:id/snippet', () => {
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
