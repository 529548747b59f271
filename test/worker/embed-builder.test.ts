/**
 * GET /embed, the embed builder, and GET /embed/accent.css: the builder shows what the
 * catalogue in KV holds now (a published correction on a URL it served before), keeps no
 * memo entry per URL (junk query strings cannot push hot documents out), and HEAD of the
 * accent stylesheet carries the Content-Length of its GET.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get, getDirect } from './request.ts';
import { memoSize } from '../../worker/memo.ts';
import entries from '../../generated/kv.json';
import { widget } from '../../generated/widget.ts';

const NEW_TITLE = 'A corrected title for the builder';
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

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

describe('GET /embed/accent.css', () => {
  it('answers HEAD with the Content-Length and ETag of its GET', async () => {
    const getRes = await get('/embed/accent.css?c=ff0000');
    const length = (await bytesOf(getRes)).byteLength;
    expect(getRes.headers.get('Content-Length')).toBe(String(length));
    const head = await get('/embed/accent.css?c=ff0000', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(length));
    expect(head.headers.get('ETag')).toBe(getRes.headers.get('ETag'));
  });
});

describe('GET /embed: the codes a publisher copies', () => {
  const codeOf = async (query: string) => {
    const html = await (await get(`/embed?${query}`)).text();
    return /<code id="embed-code">([\s\S]*?)<\/code>/
      .exec(html)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<');
  };

  it('gives the iframe loading="lazy", as iframes far down an article should have', async () => {
    expect(await codeOf('mode=iframe')).toMatch(
      /^<iframe data-explainer-frame src="[^"]+" title="[^"]+" loading="lazy"/,
    );
  });

  it('pins this release of embed.js with Subresource Integrity when asked (pin=1), in every mode that loads it', async () => {
    for (const mode of ['snippet', 'script', 'placeholder', 'iframe']) {
      const code = await codeOf(`mode=${mode}&pin=1`);
      expect(code, mode).toContain(
        `<script async src="${env.PUBLIC_ORIGIN}/v1/embed.${widget.hash}.js" integrity="${widget.integrity}" crossorigin="anonymous"`,
      );
      expect(code, mode).not.toContain('/v1/embed.js"');
      expect(await codeOf(`mode=${mode}`), mode).toContain(`src="${env.PUBLIC_ORIGIN}/v1/embed.js"`);
    }
  });
});
