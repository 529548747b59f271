/**
 * GET /oembed, for WordPress and other oEmbed consumers: a rich oEmbed 1.0 response whose html
 * survives WordPress's sanitising, maxwidth, maxheight and lang, problems for what it cannot
 * answer, and never the requested URL reflected unescaped. (The discovery link on the explainer
 * page: explainer-page.test.ts.)
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
