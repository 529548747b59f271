/**
 * What every route answers alike: an unknown path is a 404 problem; any method but GET, HEAD
 * and OPTIONS is a 405 with Allow; a CORS preflight gets one short fixed answer; every HTML page
 * revalidates with a strong ETag, sends exactly the headers it needs and shows text that looks
 * like markup as text; and errors are a page for a browser on our HTML routes, a problem
 * document for an API client, never quoting the request.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';
import { expectProblem } from './problem-expect.ts';

const ID = 'putin-baku-2024';
const PAGES = ['/', '/explainers/putin-baku-2024', '/explainers/putin-baku-2024/snippet', '/docs'];
const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('every path and method', () => {
  it('404 problem for an unknown path', async () => {
    await expectProblem(await get('/v2/nothing'), 404);
  });

  it('405 problem with Allow for any other method', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/v1/explainers', `/v1/explainers/${ID}`, '/v1/embed.js']) {
        const res = await get(path, { method, body: method === 'DELETE' ? undefined : '{}' });
        await expectProblem(res, 405);
        expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
      }
    }
  });
});

describe('OPTIONS: the CORS preflight', () => {
  it('answers a preflight for GET without credentials', async () => {
    const res = await get(`/v1/explainers/${ID}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://publisher.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('GET');
    // A fixed answer (`*` is valid without credentials), never an echo of the request.
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('answers a preflight asking for 10,000 headers with the same short response', async () => {
    const requested = Array.from({ length: 10_000 }, (_, i) => `x-header-${i}`).join(', ');
    const res = await get(`/v1/explainers/${ID}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://publisher.example', 'Access-Control-Request-Headers': requested },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('*');
    let block = '';
    res.headers.forEach((value, name) => (block += `${name}: ${value}\r\n`));
    expect(block.length).toBeLessThan(1024);
    expect(block).not.toContain('x-header-');
  });
});

describe('every HTML page is cacheable and revalidates', () => {
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

describe('every HTML page sends the headers it needs, no more', () => {
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

describe('errors: a page for a browser, a problem document for an API client', () => {
  it('an iframe of a missing explainer can show that page (framable), the API stays problem+json', async () => {
    const framed = await get('/explainers/no-such-story', { headers: BROWSER });
    expect(framed.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
    const api = await get('/explainers/no-such-story', { headers: { Accept: 'application/json' } });
    expect(api.headers.get('Content-Type')).toContain('application/problem+json');
    expect(api.headers.get('Vary')).toContain('Accept');
    const json = await get('/v1/explainers/no-such-story', { headers: BROWSER });
    expect(json.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('an error page under the frameable /explainers/ path does not repeat the URL', async () => {
    const spoof = 'call-0800-555-0100-now-to-claim-your-refund';
    for (const path of [
      `/explainers/${spoof}`,
      `/explainers/${spoof}/snippet`,
      `/explainers/putin-baku-2024?lang=xx-${'a'.repeat(8)}`,
    ]) {
      const res = await get(path, { headers: BROWSER });
      expect(res.headers.get('Content-Type'), path).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html, path).not.toContain(spoof);
      expect(html, path).not.toContain('aaaaaaaa');
    }
  });
});

describe('one URL per resource', () => {
  it('a trailing slash redirects (308) to the path without it, query kept; never off our origin', async () => {
    for (const [from, to] of [
      ['/v1/explainers/', '/v1/explainers'],
      ['/v1/explainers/?limit=1&lang=ru', '/v1/explainers?limit=1&lang=ru'],
      [`/v1/explainers/${ID}/`, `/v1/explainers/${ID}`],
      ['/docs//', '/docs'],
    ] as const) {
      const res = await get(from, { redirect: 'manual' });
      expect(res.status, from).toBe(308);
      expect(res.headers.get('Location'), from).toBe(to);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    }
    const sneaky = await get('//evil.example/', { redirect: 'manual' });
    expect(sneaky.status).not.toBe(308);
    expect(sneaky.headers.get('Location')).toBeNull();
  });
});

describe('representations and content codings', () => {
  it('sends the identity bytes with a strong ETag and Vary: Accept-Encoding, even to a client that accepts gzip', async () => {
    for (const path of [`/v1/explainers/${ID}`, '/v1/explainers', '/v1/embed.js', '/docs']) {
      const res = await get(path, { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Encoding'), path).toBeNull();
      expect(res.headers.get('Vary'), path).toContain('Accept-Encoding');
      expect(res.headers.get('ETag'), path).toMatch(/^"[\w-]{27}"$/);
      const again = await get(path, {
        headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': res.headers.get('ETag')! },
      });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('Content-Encoding'), path).toBeNull();
      expect(again.headers.get('Vary'), path).toContain('Accept-Encoding');
    }
  });
});

describe('problem types a program can branch on', () => {
  it('every type URI answers a short page naming it, and the description lists them all with their titles', async () => {
    const description = await (
      await get('/v1/openapi.json')
    ).json<{
      'x-problem-types': { type: string; title: string; status: number }[];
    }>();
    const types = description['x-problem-types'];
    expect(types.map((t) => t.type.split('/problems/')[1])).toEqual(
      expect.arrayContaining(['invalid-parameter', 'unknown-explainer', 'edition-not-available', 'not-found']),
    );
    for (const t of types) {
      expect(t.type.startsWith(`${env.PUBLIC_ORIGIN}/problems/`)).toBe(true);
      const page = await get(new URL(t.type).pathname);
      expect(page.status, t.type).toBe(200);
      expect(await page.text()).toContain(`<h1>${t.title}</h1>`);
    }
    expect((await get('/problems/no-such-kind')).status).toBe(404);
    // A problem's title is its type's, whatever the detail.
    const unknown = await (await get('/v1/explainers/nope')).json<{ type: string; title: string }>();
    expect(types.find((t) => t.type === unknown.type)?.title).toBe(unknown.title);
  });
});
