/**
 * Hardening as clients meet it: HTML routes revalidate; a browser gets an error page where an
 * API client gets a problem document; our pages send exactly the headers they need.
 */
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';

const PAGES = ['/', '/explainers/putin-baku-2024', '/explainers/putin-baku-2024/snippet', '/docs'];
const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('HTML routes are cacheable and revalidate', () => {
  for (const path of PAGES)
    it(`${path}: a strong ETag, and 304 with CORS when it matches`, async () => {
      const first = await get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('ETag')!;
      expect(etag).toMatch(/^"[^"]{6,}"$/);
      const again = await get(path, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('ETag')).toBe(etag);
      expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*');
      // Another representation (edition) has another validator.
      if (path.startsWith('/explainers/')) {
        const ru = await get(`${path}?lang=ru`);
        expect(ru.headers.get('ETag')).not.toBe(etag);
      }
    });
});

describe('errors on HTML routes', () => {
  it('a browser gets a small HTML page with the title and a link home, same status, not indexed', async () => {
    for (const [path, status] of [
      ['/explainers/no-such-story', 404],
      ['/explainers/Bad_Id', 400],
      ['/explainers/putin-baku-2024?lang=fr', 404],
    ] as const) {
      const res = await get(path, { headers: BROWSER });
      expect(res.status, path).toBe(status);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Vary')).toContain('Accept');
      expect(res.headers.get('X-Robots-Tag')).toBe('noindex');
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex"');
      expect(html).toMatch(/<h1>(Not Found|Bad Request)<\/h1>/);
      expect(html).toContain('<a href="/">');
      expect(html).not.toContain('<script');
    }
  });

  it('an iframe of a missing explainer can show that page (framable), the API stays problem+json', async () => {
    const framed = await get('/explainers/no-such-story', { headers: BROWSER });
    expect(framed.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
    const api = await get('/explainers/no-such-story', { headers: { Accept: 'application/json' } });
    expect(api.headers.get('Content-Type')).toContain('application/problem+json');
    expect(api.headers.get('Vary')).toContain('Accept');
    const json = await get('/v1/explainers/no-such-story', { headers: BROWSER });
    expect(json.headers.get('Content-Type')).toContain('application/problem+json');
  });
});

describe('our pages send the headers they need, no more', () => {
  it('a CSP without unsafe-inline, framed only where meant to be, no referrer leaks, no powerful features', async () => {
    for (const path of ['/', '/explainers/putin-baku-2024', '/docs', '/embed']) {
      const res = await get(path);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toMatch(/default-src 'none'/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(csp, path).toContain(
        path === '/explainers/putin-baku-2024' ? 'frame-ancestors *' : "frame-ancestors 'none'",
      );
      expect(res.headers.get('Referrer-Policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('Permissions-Policy'), path).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
    }
  });
});

describe('text that looks like markup is shown as text, everywhere', () => {
  it('the page and the snippet escape it (the widget: test/dom/components.test.tsx)', async () => {
    const { env } = await import('cloudflare:workers');
    const entries = (await import('../../generated/kv.json')).default;
    const real = JSON.parse(entries.find((e) => e.key === 'explainer:putin-baku-2024:en')!.value) as Record<
      string,
      unknown
    >;
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const doc = { ...real, id: 'hostile-story', title: hostile, summary: hostile };
    await env.EXPLAINERS.put('explainer:hostile-story:en', JSON.stringify(doc), { metadata: { etag: '"hostile"' } });
    await env.EXPLAINERS.put('explainer:hostile-story', JSON.stringify({ defaultLang: 'en', langs: ['en'] }), {
      metadata: { etag: '"hostile-meta"' },
    });
    for (const path of ['/explainers/hostile-story', '/explainers/hostile-story/snippet']) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<script>alert(2)');
      expect(html, path).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;>');
    }
  });
});
