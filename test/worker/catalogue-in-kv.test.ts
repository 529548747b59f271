/**
 * The catalogue in Workers KV, as clients meet it on the API and the pages alike: an explainer
 * published to KV is served without a deploy (JSON, page and snippet), an id not in KV is a 404
 * problem, and a failing KV is a 503 problem with Retry-After and CORS, never a bare 500.
 * (The listing follows the index in KV: explainers-index.test.ts; the builder: embed-builder.test.ts.)
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
