/**
 * GET /explainers/:id, the explainer as a page of its own (the iframe embed and the no-script
 * fallback): the whole explainer server-rendered, its editions (?lang=, hreflang), framable by
 * any site, the oEmbed discovery link and JSON-LD for hosts and search engines, and its errors
 * (a page for a browser, a problem for an API client).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';
import entries from '../../generated/kv.json';

/** Pages name our configured public origin, never the request's host (wrangler.toml [vars]). */
const ORIGIN = env.PUBLIC_ORIGIN;
const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('GET /explainers/:id', () => {
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

  it('marks source titles in another language with lang, and their pages with hreflang, as the widget does', async () => {
    // In the English edition, a Russian page under our English title says so (pageLang): the title
    // itself is read as English (no lang).
    const html = await (await get('/explainers/putin-baku-2024')).text();
    expect(html).toMatch(/<a href="https:\/\/mk\.ru\/[^"]+" target="_blank" rel="noopener noreferrer" hreflang="ru">/);
    expect(html).not.toMatch(/<a href="https:\/\/[^"]+" target="_blank" rel="noopener noreferrer" lang="ru"/);
    // In the Russian edition, an English page under a Russian title says so (pageLang).
    const ru = await (await get('/explainers/putin-baku-2024?lang=ru')).text();
    expect(ru).toMatch(/<a href="https:\/\/[^"]+" target="_blank" rel="noopener noreferrer" hreflang="en">/);
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
});

describe('GET /explainers/:id, as hosts and search engines read it', () => {
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
    const edition = entries.find((e) => e.key === 'explainer:putin-baku-2024:en')!;
    expect(data.dateModified).toBe((JSON.parse(edition.value) as { updatedAt: string }).updatedAt);
    expect((data.about as { '@type': string })['@type']).toBe('NewsArticle');
    expect(data.citation.length).toBeGreaterThan(40);
    for (const c of data.citation) expect(c.url).toMatch(/^https:\/\//);
  });
});

describe('GET /explainers/:id errors', () => {
  it('returns problem documents for bad ids', async () => {
    expect((await get('/explainers/Nope')).status).toBe(400);
    expect((await get('/explainers/nope')).status).toBe(404);
  });

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
      expect(html).toMatch(/<h1>(Unknown explainer|Edition not available|Invalid parameter)<\/h1>/);
      expect(html).toContain('<a href="/">');
      expect(html).not.toContain('<script');
    }
  });
});
