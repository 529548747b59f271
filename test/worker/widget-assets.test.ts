/**
 * The widget's files under /v1, as a publisher's page loads them: /v1/embed.js (a short-cached
 * alias) and /v1/embed.<hash>.js (immutable, SRI-checkable, earlier releases kept), the
 * widget's strings per language (/v1/strings/:lang.json), the frame script (/v1/frame.js) and
 * the explainer's stylesheet (/v1/explainer.css).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';
import { etagOf } from '../../worker/etag.ts';
import { widget } from '../../generated/widget.ts';

describe('GET /v1/embed.js', () => {
  it('serves the widget as JavaScript, loadable cross-origin, with a short cache', async () => {
    const res = await get('/v1/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=300\b/);
    expect(res.headers.get('Cache-Control')).not.toContain('immutable');
    expect(await res.text()).toBe(widget.code);
  });

  it('names the immutable hashed URL and its SRI integrity', async () => {
    const res = await get('/v1/embed.js');
    expect(res.headers.get('Link')).toBe(`</v1/embed.${widget.hash}.js>; rel="canonical"`);
    expect(res.headers.get('X-Embed-Integrity')).toBe(widget.integrity);
  });

  it('sends a strong ETag over the exact bytes, and revalidates with 304', async () => {
    const first = await get('/v1/embed.js');
    const etag = first.headers.get('ETag')!;
    expect(etag).toBe(await etagOf(new Uint8Array(await first.arrayBuffer())));
    const res = await get('/v1/embed.js', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('GET /v1/embed.<hash>.js', () => {
  it('serves the hashed URL as immutable, with an SRI hash that matches the bytes', async () => {
    const res = await get(`/v1/embed.${widget.hash}.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    const bytes = await res.arrayBuffer();
    const digest = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))));
    expect(`sha384-${digest}`).toBe(widget.integrity);
  });

  it('keeps serving an earlier release at its hash (kept in KV by the release step), and 404s unknown ones', async () => {
    const earlier = '/* an earlier release of embed.js */';
    await env.EXPLAINERS.put('widget:0123456789abcdef', earlier, { metadata: { etag: '"0123456789abcdef"' } });
    const old = await get('/v1/embed.0123456789abcdef.js');
    expect(old.status).toBe(200);
    expect(old.headers.get('Cache-Control')).toContain('immutable');
    expect(await old.text()).toBe(earlier);
    const current = await get(`/v1/embed.${widget.hash}.js`);
    expect(await current.text()).toBe(widget.code);
    const unknown = await get('/v1/embed.fedcba9876543210.js');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Content-Type')).toContain('application/problem+json');
  });
});

describe('GET /v1/strings/:lang.json', () => {
  it("serves the widget's Russian words as JSON, and 404s a language it has none for", async () => {
    const res = await get('/v1/strings/ru.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe('ru');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const words = await res.json<{ kicker: string; months: string[] }>();
    expect(words.kicker).toBe('Объясняем');
    expect(words.months).toHaveLength(12);
    expect((await get('/v1/strings/xx.json')).status).toBe(404);
  });
});

describe('GET /v1/frame.js', () => {
  it('serves the frame script as JavaScript', async () => {
    const frame = await get('/v1/frame.js');
    expect(frame.status).toBe(200);
    expect(frame.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });
});

describe('GET /v1/builder.js', () => {
  it("serves the embed builder's script as JavaScript, with the bytes the build made", async () => {
    const res = await get('/v1/builder.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe(widget.builder.code);
  });
});

describe('GET /v1/explainer.css', () => {
  it("serves the explainer's stylesheet", async () => {
    const res = await get('/v1/explainer.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toContain('.nx-card');
  });
});
