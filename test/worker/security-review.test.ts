/**
 * The attacks of the security review, replayed against the Worker in workerd: none of them
 * may change what another client is served, and every HTML answer carries our page headers.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get, getDirect } from './request.ts';
import { etagOf } from '../../worker/etag.ts';
import { MEMO_ENTRIES, memoSize } from '../../worker/memo.ts';
import entries from '../../generated/kv.json';

const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const NEW_TITLE = 'A corrected title for the builder';
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('the public index cannot be replaced by a crafted cursor', () => {
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

describe('GET /embed follows publishes and keeps no entry per URL', () => {
  it('shows a published correction on a URL it served before the publish', async () => {
    const url = '/embed?explainer=putin-baku-2024&mode=script&utm_source=newsletter';
    const before = await (await get(url)).text();
    const stored = entries.find((e) => e.key === 'explainer:putin-baku-2024:en')!;
    const doc = JSON.parse(stored.value) as { title: string };
    expect(before).toContain(doc.title.replace(/&/g, '&amp;'));
    // A publish writes the edition and the index (catalogue/build/kv-entries.ts); so does this.
    const index = entries.find((e) => e.key === 'index')!;
    const correctedIndex = (
      JSON.parse(index.value) as { id: string; editions: Record<string, { title: string }> }[]
    ).map((e) =>
      e.id === 'putin-baku-2024'
        ? { ...e, editions: { ...e.editions, en: { ...e.editions.en!, title: NEW_TITLE } } }
        : e,
    );
    await env.EXPLAINERS.put(stored.key, JSON.stringify({ ...doc, title: NEW_TITLE }), {
      metadata: { etag: '"corrected-for-embed-test"' },
    });
    await env.EXPLAINERS.put('index', JSON.stringify(correctedIndex), { metadata: { etag: '"index-corrected"' } });
    try {
      await new Promise((resolve) => setTimeout(resolve, 5_100)); // kv.ts FRESH_MS
      const after = await (await get(url)).text();
      expect(after).toContain(NEW_TITLE);
      expect(after).not.toContain(doc.title.replace(/&/g, '&amp;'));
      const snippet = await (await get('/embed?explainer=putin-baku-2024')).text();
      expect(snippet).toContain(NEW_TITLE);
    } finally {
      await env.EXPLAINERS.put(stored.key, stored.value, { metadata: stored.metadata });
      await env.EXPLAINERS.put(index.key, index.value, { metadata: index.metadata });
    }
  }, 30_000);

  it('5,000 junk /embed URLs leave the memo as it was: a hot document stays', async () => {
    const hot = await get('/explainers/putin-baku-2024');
    const etag = hot.headers.get('ETag')!;
    await hot.arrayBuffer();
    await (await get('/embed')).arrayBuffer(); // the builder's own snippet entry exists now
    const size = memoSize();
    for (let i = 0; i < 5_000; i++) {
      const mode = i % 50 === 0 ? 'snippet' : 'placeholder';
      const res = await getDirect(
        `/embed?mode=${mode}&accent=%23${(i * 2654435761).toString(16).slice(-6).padStart(6, '0')}&j=${i}&${'x'.repeat(i % 300)}=1`,
      );
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(memoSize()).toBe(size);
    const again = await get('/explainers/putin-baku-2024', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  }, 120_000);
});

describe('HTML answers send our page headers and never quote the request', () => {
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

  it('the snippet sends the CSP and headers of our pages, and may not be framed', async () => {
    const res = await get('/explainers/putin-baku-2024/snippet');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('Permissions-Policy')).toContain('camera=()');
  });

  it('HEAD /embed/accent.css carries the Content-Length of its GET', async () => {
    const getRes = await get('/embed/accent.css?c=ff0000');
    const length = (await bytesOf(getRes)).byteLength;
    expect(getRes.headers.get('Content-Length')).toBe(String(length));
    const head = await get('/embed/accent.css?c=ff0000', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(length));
    expect(head.headers.get('ETag')).toBe(getRes.headers.get('ETag'));
  });
});
