import { describe, expect, it } from 'vitest';
import { BASE, get } from './request.ts';

describe('GET / (demo publisher page)', () => {
  it('embeds the explainer with the script tag exactly as a publisher would', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<script async src="${BASE}/v1/embed.js" data-explainer="putin-baku-2024"></script>`);
    expect(html).toContain('18 August 2024');
  });

  it('shows the copyable embed snippet, escaped as text', async () => {
    const html = await (await get('/')).text();
    // Shown as text (escaped), so the page displays the code instead of running it.
    expect(html).toContain(
      `<code>&lt;script async src=&quot;${BASE}/v1/embed.js&quot; data-explainer=&quot;putin-baku-2024&quot;>&lt;/script></code>`,
    );
  });

  it('is served under a CSP without unsafe-inline', async () => {
    const csp = (await get('/')).headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

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
    expect(html).toContain('<details class="nx-card" id="nx-card-icc-warrant"');
    expect(html).toContain('International Criminal Court');
    expect(html).not.toContain('<script');
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

describe('GET /explainers/:id/snippet (no-JS snippet)', () => {
  it('is an HTML fragment of the same rendering, CORS-readable', async () => {
    const res = await get('/explainers/putin-baku-2024/snippet');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const html = await res.text();
    expect(html.startsWith('<article class="nx"')).toBe(true);
    expect(html).toContain('<h2 id="nx-title" class="nx-title">');
    expect(html).not.toMatch(/<html|<script|<style/);
    expect(html).toContain('Key facts');
  });

  it('returns a problem for an unknown explainer', async () => {
    const res = await get('/explainers/nope/snippet');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
