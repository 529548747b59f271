/**
 * GET /v1/explainers, the list of explainers, as API clients page through it: cache, ETag and
 * 304; limit, lang and the next link; cursors (only the canonical spelling of the one handed
 * out is accepted, and no crafted cursor can replace the public index); and the listing follows
 * the index in KV, without duplicates or gaps, also across a correction.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get, getDirect } from './request.ts';
import { etagOf } from '../../worker/etag.ts';
import { MEMO_ENTRIES } from '../../worker/memo.ts';
import entries from '../../generated/kv.json';

const ID = 'putin-baku-2024';
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('GET /v1/explainers', () => {
  it('lists the explainers with cache, ETag and CORS headers', async () => {
    const res = await get('/v1/explainers');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(res.headers.get('ETag')).toMatch(/^"[\w.-]{20,}"$/);
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('Cache-Control')).toMatch(/s-maxage=\d+/);
    expect(res.headers.get('Cache-Control')).toMatch(/stale-while-revalidate=\d+/);
    const body = await res.json<{ explainers: { id: string; url: string; languages: string[] }[] }>();
    expect(body.explainers.map((e) => e.id)).toContain(ID);
    expect(body.explainers.find((e) => e.id === ID)).toMatchObject({
      url: `/v1/explainers/${ID}`,
      lang: 'en',
      languages: ['en', 'ru'],
    });
  });

  it('returns 304 with CORS and cache headers when the ETag matches', async () => {
    const etag = (await get('/v1/explainers')).headers.get('ETag')!;
    const res = await get('/v1/explainers', {
      headers: { 'If-None-Match': etag, Origin: 'https://publisher.example' },
    });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('ETag')).toBe(etag);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toContain('s-maxage');
  });
});

describe('GET /v1/explainers pages through the index', () => {
  it('gives 20 by default, honours limit, links the next page, and says which languages each has', async () => {
    const res = await get('/v1/explainers?limit=1');
    expect(res.status).toBe(200);
    const body = await res.json<{ explainers: { id: string; languages: string[] }[]; next: string | null }>();
    expect(body.explainers).toHaveLength(1);
    // However many explainers the catalogue holds: a next page exactly when there is more than one.
    const total = (JSON.parse(entries.find((e) => e.key === 'index')!.value) as unknown[]).length;
    expect(body.next === null).toBe(total === 1);
    expect(res.headers.get('Link') === null).toBe(total === 1);
    const all = await (
      await get('/v1/explainers?limit=100')
    ).json<{ explainers: { id: string; languages: string[] }[] }>();
    expect(all.explainers.find((e) => e.id === 'putin-baku-2024')).toMatchObject({ languages: ['en', 'ru'] });
  });

  it('gives titles and summaries in the language asked for, where an edition exists', async () => {
    const body = await (
      await get('/v1/explainers?lang=ru&limit=100')
    ).json<{
      explainers: { id: string; title: string; lang: string; url: string }[];
    }>();
    const ru = body.explainers.find((e) => e.id === 'putin-baku-2024')!;
    expect(ru).toMatchObject({ lang: 'ru', url: '/v1/explainers/putin-baku-2024?lang=ru' });
    expect(ru.title).toMatch(/Путин/);
    const fallback = await (
      await get('/v1/explainers?lang=fr&limit=100')
    ).json<{ explainers: { id: string; lang: string }[] }>();
    expect(fallback.explainers.find((e) => e.id === 'putin-baku-2024')!.lang).toBe('en');
  });

  it('answers 400 to a bad limit, cursor or language', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'limit=-1', 'cursor=nonsense', 'cursor=%00', 'lang=!!'])
      expect((await get(`/v1/explainers?${query}`)).status, query).toBe(400);
  });
});

describe('GET /v1/explainers?cursor= takes only the cursor it gave out, so no cursor can replace the index', () => {
  it('refuses the demonstrated colliding cursor, and a memo flush leaves the default index byte-identical', async () => {
    const before = await get('/v1/explainers');
    const beforeBytes = await bytesOf(before);
    const attack = await get(
      '/v1/explainers?cursor=MjA5OS0xMi0zMXx4MQ%0C%0C%0C%0C%0A%0D%0A%0C%0A%0D%20%0C%0C%0A%20%20',
    );
    expect(attack.status).toBe(400);
    expect(attack.headers.get('Content-Type')).toContain('application/problem+json');
    // The same cursor without the whitespace names a real (empty) page: its own bytes, its own ETag.
    const empty = await get('/v1/explainers?cursor=MjA5OS0xMi0zMXx4MQ');
    expect(empty.status).toBe(200);
    const emptyBytes = await bytesOf(empty);
    expect(new TextDecoder().decode(emptyBytes)).toBe('{"explainers":[],"next":null}');
    expect(empty.headers.get('ETag')).toBe(await etagOf(emptyBytes));
    expect(empty.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
    // Flush the memo with more distinct pages than it holds, then ask again.
    for (let i = 0; i < MEMO_ENTRIES + 100; i++) {
      const res = await getDirect(
        `/v1/explainers?lang=${String.fromCharCode(97 + (i % 26), 97 + ((i / 26) % 26), 97 + ((i / 676) % 26))}`,
      );
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const after = await get('/v1/explainers');
    expect(await bytesOf(after)).toEqual(beforeBytes);
    expect(after.headers.get('ETag')).toBe(before.headers.get('ETag'));
    expect(after.headers.get('ETag')).toBe(await etagOf(beforeBytes));
  }, 60_000);

  it('answers 400 to every spelling of a cursor but the one it gave out', async () => {
    const first = await get('/v1/explainers?limit=1');
    const next = (await first.json<{ next: string | null }>()).next;
    // One real cursor (the catalogue may hold one explainer: then make the canonical one by hand).
    const cursor = next ?? btoa('2024-08-18|putin-baku-2024').replace(/=+$/, '');
    expect((await get(`/v1/explainers?cursor=${cursor}`)).status).toBe(200);
    for (const variant of [
      `${cursor}%20`,
      `%0A${cursor}`,
      `${cursor}==`,
      `${cursor}%3D`,
      cursor.replace(/-/g, '+').replace(/_/g, '/') + '%2B%2F',
      `${cursor.slice(0, 4)}%09${cursor.slice(4)}`,
      btoa('2024-08-18|putin-baku-2024'), // padded
    ]) {
      if (variant === cursor) continue;
      const res = await get(`/v1/explainers?cursor=${variant}`);
      expect(res.status, variant).toBe(400);
    }
  });
});

// Last in this file: it replaces the index in KV with 250 explainers and does not put it back.
describe('GET /v1/explainers?lang= takes any language tag, as a single explainer does', () => {
  const titles = async (query: string) =>
    (await (await get(`/v1/explainers?${query}`)).json<{ explainers: { id: string; title: string; lang: string }[] }>())
      .explainers;

  it('ru-RU finds the Russian editions (RFC 4647 lookup), like ?lang=ru', async () => {
    const ru = await titles('lang=ru');
    expect(ru.find((e) => e.id === 'putin-baku-2024')?.lang).toBe('ru');
    expect(await titles('lang=ru-RU')).toEqual(ru);
    expect(await titles('lang=RU')).toEqual(ru);
  });

  it('a well-formed tag no explainer has (zh-Hant) gives the default editions; a malformed one a 400 quoting it', async () => {
    const res = await get('/v1/explainers?lang=zh-Hant');
    expect(res.status).toBe(200);
    expect(await titles('lang=zh-Hant')).toEqual(await titles(''));
    const bad = await get('/v1/explainers?lang=zh_Hant!');
    expect(bad.status).toBe(400);
    expect((await bad.json<{ detail: string }>()).detail).toContain('"zh_Hant!"');
  });
});

describe('GET /v1/explainers?updatedSince= lists only explainers revised after that instant', () => {
  it('before every revision: all of them; after the latest: none; the next page keeps the filter', async () => {
    const all = (
      await (await get('/v1/explainers?limit=100')).json<{ explainers: { id: string; updatedAt: string }[] }>()
    ).explainers;
    const latest = all
      .map((e) => e.updatedAt)
      .sort()
      .at(-1)!;
    const since = async (instant: string, limit = 100) =>
      get(`/v1/explainers?limit=${limit}&updatedSince=${encodeURIComponent(instant)}`);
    const before = await (await since('2000-01-01T00:00:00Z')).json<{ explainers: unknown[] }>();
    expect(before.explainers).toHaveLength(all.length);
    const after = await (await since(latest)).json<{ explainers: unknown[]; next: string | null }>();
    expect(after).toEqual({ explainers: [], next: null });
    // An offset is honoured: one second before the latest review, in another zone, lists it.
    const justBefore = new Date(Date.parse(latest) - 1000).toISOString().replace('Z', '+00:00');
    const some = await (await since(justBefore)).json<{ explainers: { updatedAt: string }[] }>();
    expect(some.explainers.length).toBeGreaterThan(0);
    expect(some.explainers.every((e) => e.updatedAt > justBefore.slice(0, 19))).toBe(true);
    if (all.length > 1) {
      const first = await since('2000-01-01T00:00:00Z', 1);
      expect(first.headers.get('Link')).toContain('updatedSince=2000-01-01T00%3A00%3A00Z');
    }
  });

  it('answers a malformed instant with a 400 problem quoting it', async () => {
    for (const bad of ['yesterday', '2024-08-19', '2024-08-19T25:00:00Z', '2024-08-19T12:00:00']) {
      const res = await get(`/v1/explainers?updatedSince=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      const body = await res.json<{ type: string; detail: string }>();
      expect(body.type).toMatch(/\/problems\/invalid-parameter$/);
      expect(body.detail).toContain(`"${bad}"`);
    }
  });
});

describe('GET /v1/explainers lists what the index in KV holds', () => {
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
