/**
 * The catalogue in Workers KV, as API clients meet it: every route reads what
 * `content:publish` wrote, pages walk the index without duplicates or gaps (also across a
 * correction), and a failing KV is a 503 problem with CORS.
 */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { get } from './request.ts';
import { etagOf } from '../../worker/etag.ts';
import entries from '../../generated/kv.json';

const real = entries.find((e) => e.key === 'explainer:putin-baku-2024:en')!;
const realDoc = JSON.parse(real.value) as Record<string, unknown> & { id: string; title: string };

/** Publishes one more explainer straight into KV, as content:publish would write it. */
async function publishCopy(id: string, title: string): Promise<void> {
  const doc = { ...realDoc, id, title };
  const body = JSON.stringify(doc);
  await env.EXPLAINERS.put(`explainer:${id}:en`, body, { metadata: { etag: `"${id}-etag"` } });
  await env.EXPLAINERS.put(`explainer:${id}`, JSON.stringify({ defaultLang: 'en', langs: ['en'] }), {
    metadata: { etag: `"${id}-meta"` },
  });
}

afterEach(() => vi.restoreAllMocks());

describe('every route reads the catalogue from KV', () => {
  it('serves an explainer that exists only in KV: JSON, page and snippet', async () => {
    await publishCopy('kv-only-story', 'Published without a deploy');
    const json = await get('/v1/explainers/kv-only-story');
    expect(json.status).toBe(200);
    const bytes = new Uint8Array(await json.arrayBuffer());
    expect(json.headers.get('ETag')).toBe(await etagOf(bytes));
    expect((JSON.parse(new TextDecoder().decode(bytes)) as { title: string }).title).toBe('Published without a deploy');
    expect(await (await get('/explainers/kv-only-story')).text()).toContain('Published without a deploy');
    expect(await (await get('/explainers/kv-only-story/snippet')).text()).toContain('Published without a deploy');
  });

  it('answers 404 problems for an id not in KV, on the API and the pages', async () => {
    for (const path of ['/v1/explainers/not-in-kv', '/explainers/not-in-kv', '/explainers/not-in-kv/snippet']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
  });

  it('answers 503 with Retry-After and CORS when KV fails, never a bare 500', async () => {
    vi.spyOn(env.EXPLAINERS, 'getWithMetadata').mockRejectedValue(new Error('KV is down'));
    for (const path of ['/v1/explainers/kv-down-story', '/explainers/kv-down-story']) {
      const res = await get(path, { headers: { Origin: 'https://publisher.example' } });
      expect(res.status, path).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('5');
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect((await res.json<{ status: number }>()).status).toBe(503);
    }
  });
});

describe('GET /v1/explainers pages through the index', () => {
  it('gives 20 by default, honours limit, links the next page, and says which languages each has', async () => {
    const res = await get('/v1/explainers?limit=1');
    expect(res.status).toBe(200);
    const body = await res.json<{ explainers: { id: string; languages: string[] }[]; next: string | null }>();
    expect(body.explainers).toHaveLength(1);
    expect(body.explainers[0]).toMatchObject({ id: 'putin-baku-2024', languages: ['en', 'ru'] });
    expect(body.next).toBeNull();
    expect(res.headers.get('Link')).toBeNull();
  });

  it('gives titles and summaries in the language asked for, where an edition exists', async () => {
    const body = await (
      await get('/v1/explainers?lang=ru')
    ).json<{
      explainers: { title: string; lang: string; url: string }[];
    }>();
    expect(body.explainers[0]).toMatchObject({ lang: 'ru', url: '/v1/explainers/putin-baku-2024?lang=ru' });
    expect(body.explainers[0]!.title).toMatch(/Путин/);
    const fallback = await (await get('/v1/explainers?lang=fr')).json<{ explainers: { lang: string }[] }>();
    expect(fallback.explainers[0]!.lang).toBe('en');
  });

  it('400 for a bad limit or cursor, as problems', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'limit=-1', 'cursor=nonsense', 'cursor=%00', 'lang=!!'])
      expect((await get(`/v1/explainers?${query}`)).status, query).toBe(400);
  });

  it('walks 250 explainers with no duplicate or gap, also when one is corrected between pages', async () => {
    // The index as content:publish writes it: ordered by first publication.
    const many = Array.from({ length: 250 }, (_, i) => ({
      id: `story-${String(i).padStart(3, '0')}`,
      publishedAt: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
      updatedAt: '2025-12-31T00:00:00Z',
      lang: 'en',
      languages: ['en'],
      editions: {
        en: {
          title: `Story ${i}`,
          summary: 'A summary.',
          updatedAt: '2025-12-31T00:00:00Z',
          revisedAt: '2025-12-31',
          revisions: 1,
        },
      },
    })).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
    await env.EXPLAINERS.put('index', JSON.stringify(many), { metadata: { etag: '"index-250"' } });
    // This file's isolate may hold the seeded index for a few seconds (kv.ts FRESH_MS).
    await new Promise((resolve) => setTimeout(resolve, 5_100));

    const seen: string[] = [];
    let url: string | null = '/v1/explainers?limit=40';
    let pages = 0;
    while (url && pages < 20) {
      const res = await get(url);
      expect(res.status).toBe(200);
      const body = await res.json<{ explainers: { id: string }[]; next: string | null }>();
      seen.push(...body.explainers.map((e) => e.id));
      const link = res.headers.get('Link');
      url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
      expect(url === null).toBe(body.next === null);
      if (pages === 1) {
        // A correction (new title, same first publication) lands between page 2 and page 3.
        many[100]!.editions.en.title = 'Corrected title';
        await env.EXPLAINERS.put('index', JSON.stringify(many), { metadata: { etag: '"index-250-corrected"' } });
        await new Promise((resolve) => setTimeout(resolve, 5_100));
      }
      pages++;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual(many.map((e) => e.id));
  }, 30_000);
});
