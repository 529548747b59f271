/**
 * Embedding where publishers work: oEmbed for WordPress and other consumers, its discovery
 * link, JSON-LD for search engines, the frame script, and the source redirect for sandboxed frames.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';

const ORIGIN = env.PUBLIC_ORIGIN;
const PAGE = `${ORIGIN}/explainers/putin-baku-2024`;
const oembed = (query: string) => get(`/oembed?${query}`);

describe('GET /oembed', () => {
  it('answers a rich oEmbed 1.0 response whose html survives WordPress’s sanitising', async () => {
    const res = await oembed(`url=${encodeURIComponent(PAGE)}&format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body = await res.json<Record<string, unknown> & { html: string }>();
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'News Explainer',
      provider_url: ORIGIN,
      width: 700,
      height: 900,
      cache_age: 3600,
    });
    expect(body.title).toMatch(/^Putin's state visit/);
    // One blockquote with a link, then an EMPTY iframe with only the attributes WordPress keeps.
    expect(body.html).toMatch(
      /^<blockquote><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe src="[^"#]+" width="700" height="900" title="[^"]+" frameborder="0" scrolling="auto"><\/iframe>$/,
    );
    expect(body.html).toContain(`src="${PAGE}?lang=en"`);
  });

  it('honours maxwidth and maxheight, and lang', async () => {
    const res = await oembed(`url=${encodeURIComponent(PAGE)}&maxwidth=500&maxheight=750&lang=ru`);
    const body = await res.json<{ width: number; height: number; html: string; title: string }>();
    expect(body).toMatchObject({ width: 500, height: 750 });
    expect(body.html).toContain(`src="${PAGE}?lang=ru"`);
    expect(body.title).toMatch(/Путин/);
  });

  it('501 for XML, 404 for a URL that is not our explainer page, 400 for a malformed one: problems', async () => {
    const cases: [string, number][] = [
      [`url=${encodeURIComponent(PAGE)}&format=xml`, 501],
      [`url=${encodeURIComponent('https://evil.example/explainers/putin-baku-2024')}`, 404],
      [`url=${encodeURIComponent(`${ORIGIN}/explainers/no-such-story`)}`, 404],
      [`url=${encodeURIComponent(`${ORIGIN}/v1/embed.js`)}`, 404],
      ['url=not%20a%20url', 400],
      ['format=json', 400],
      [`url=${encodeURIComponent(PAGE)}&maxwidth=-3`, 400],
    ];
    for (const [query, status] of cases) {
      const res = await oembed(query);
      expect(res.status, query).toBe(status);
      expect(res.headers.get('Content-Type'), query).toContain('application/problem+json');
    }
  });

  it('never reflects the requested URL into html unescaped', async () => {
    const hostile = `${PAGE}?lang=en&x="><script>alert(1)</script>`;
    const body = await (await oembed(`url=${encodeURIComponent(hostile)}`)).json<{ html: string }>();
    expect(body.html).not.toContain('<script');
    expect(body.html).not.toContain('alert');
  });
});

describe('the explainer page, as hosts and search engines read it', () => {
  it('has the oEmbed discovery link before </head>, and JSON-LD describing the explainer', async () => {
    const html = await (await get('/explainers/putin-baku-2024')).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(head);
    expect(discovery).not.toBeNull();
    const href = discovery![1]!.replace(/&amp;/g, '&');
    expect((await get(href.replace(ORIGIN, ''))).status).toBe(200);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(head)![1]!;
    const data = JSON.parse(ld) as Record<string, unknown> & { citation: { url: string }[] };
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Article', inLanguage: 'en' });
    expect(data.headline).toMatch(/^Putin's state visit/);
    expect(data.dateModified).toBe('2026-11-30T12:00:00Z');
    expect((data.about as { '@type': string })['@type']).toBe('NewsArticle');
    expect(data.citation.length).toBeGreaterThan(40);
    for (const c of data.citation) expect(c.url).toMatch(/^https:\/\//);
  });

  it('the snippet carries no structured data (it would compete with the host article’s)', async () => {
    expect(await (await get('/explainers/putin-baku-2024/snippet')).text()).not.toContain('ld+json');
  });

  it('serves frame.js, and redirects to the explainer’s own sources only', async () => {
    const frame = await get('/v1/frame.js');
    expect(frame.status).toBe(200);
    expect(frame.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const doc = await (
      await get('/v1/explainers/putin-baku-2024')
    ).json<{
      sources: { id: string; url: string }[];
    }>();
    const source = doc.sources[3]!;
    const res = await get(`/explainers/putin-baku-2024/sources/${source.id}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(source.url);
    expect((await get('/explainers/putin-baku-2024/sources/https-evil-example', { redirect: 'manual' })).status).toBe(
      404,
    );
  });
});
