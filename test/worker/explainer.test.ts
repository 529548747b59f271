/**
 * GET /v1/explainers/:id, one explainer as JSON, as API clients meet it: the whole document
 * in stable bytes, its editions (?lang=, Content-Language, one ETag each), revalidation with
 * 304 and HEAD, errors as problem documents, and CORS for cross-origin scripts.
 */
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';
import { expectProblem } from './problem-expect.ts';

const ID = 'putin-baku-2024';

describe('GET /v1/explainers/:id', () => {
  it('returns the whole explainer as JSON', async () => {
    const res = await get(`/v1/explainers/${ID}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe('en');
    const doc = await res.json<Record<string, unknown>>();
    for (const key of [
      'id',
      'lang',
      'title',
      'summary',
      'updatedAt',
      'article',
      'keyFacts',
      'whyItMatters',
      'background',
      'timeline',
      'sources',
      'corrections',
    ])
      expect(doc, key).toHaveProperty(key);
    expect(doc.id).toBe(ID);
    expect(Date.parse(doc.updatedAt as string)).not.toBeNaN();
  });

  it('serves the same, complete bytes to many requests (encoded once, never consumed)', async () => {
    const bodies = await Promise.all(Array.from({ length: 5 }, async () => (await get(`/v1/explainers/${ID}`)).text()));
    for (const body of bodies) expect(JSON.parse(body)).toMatchObject({ id: ID });
    expect(new Set(bodies).size).toBe(1);
  });

  it('serves the same bytes and ETag every time (prepared at build time)', async () => {
    const [a, b] = await Promise.all([get(`/v1/explainers/${ID}`), get(`/v1/explainers/${ID}?lang=en`)]);
    expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'));
    expect(await a.text()).toBe(await b.text());
  });
});

describe('GET /v1/explainers/:id?lang= picks an edition', () => {
  it('returns the Russian edition with Content-Language: ru and its own ETag', async () => {
    const [ru, en] = await Promise.all([get(`/v1/explainers/${ID}?lang=ru`), get(`/v1/explainers/${ID}`)]);
    expect(ru.status).toBe(200);
    expect(ru.headers.get('Content-Language')).toBe('ru');
    expect(ru.headers.get('ETag')).not.toBe(en.headers.get('ETag'));
    const doc = await ru.json<{ lang: string; id: string; title: string }>();
    expect(doc).toMatchObject({ id: ID, lang: 'ru' });
    expect(doc.title).toMatch(/Путин/);
    // A region subtag finds the language's edition (RFC 4647 lookup).
    const regional = await get(`/v1/explainers/${ID}?lang=ru-RU`);
    expect(regional.status).toBe(200);
    expect(regional.headers.get('Content-Language')).toBe('ru');
  });

  it('treats language tags case-insensitively', async () => {
    const res = await get(`/v1/explainers/${ID}?lang=EN`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe('en');
  });

  it('answers an edition that does not exist with a 404 problem listing the ones that do', async () => {
    const res = await get(`/v1/explainers/${ID}?lang=fr`);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect((await res.json<{ detail: string }>()).detail).toMatch(/available: en, ru/);
  });
});

describe('GET /v1/explainers/:id revalidates', () => {
  it('returns 304 with CORS headers for a matching ETag, also in a list and as a weak tag', async () => {
    const etag = (await get(`/v1/explainers/${ID}`)).headers.get('ETag')!;
    for (const inm of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const res = await get(`/v1/explainers/${ID}`, { headers: { 'If-None-Match': inm } });
      expect(res.status, inm).toBe(304);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('ETag')).toBe(etag);
    }
  });

  it('returns 200 when the ETag does not match', async () => {
    const res = await get(`/v1/explainers/${ID}`, { headers: { 'If-None-Match': '"stale"' } });
    expect(res.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const length = (await (await get(`/v1/explainers/${ID}`)).arrayBuffer()).byteLength;
    const res = await get(`/v1/explainers/${ID}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Length')).toBe(String(length));
    expect(res.headers.get('ETag')).toMatch(/^"/);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await res.text()).toBe('');
  });
});

describe('GET /v1/explainers/:id answers errors with problem documents', () => {
  it('404 for an unknown id, naming it', async () => {
    const body = await expectProblem(await get('/v1/explainers/no-such-story'), 404, 'unknown-explainer');
    expect(body.detail).toContain('no-such-story');
  });

  it('400 for a malformed id', async () => {
    for (const bad of ['Putin-Baku', 'a%20b', '-x', 'x'.repeat(100), 'a..b', '%3Cscript%3E'])
      await expectProblem(await get(`/v1/explainers/${bad}`), 400);
  });

  it('400 for a malformed language and 404 for a missing one', async () => {
    const bad = await expectProblem(await get(`/v1/explainers/${ID}?lang=english!`), 400, 'invalid-parameter');
    expect(bad.detail).toContain('"english!"'); // quoted as sent
    const body = await expectProblem(await get(`/v1/explainers/${ID}?lang=de`), 404, 'edition-not-available');
    expect(body.detail).toContain('en');
    // The editions there are, in a field a program can read, not only in prose.
    expect(body.available).toEqual(expect.arrayContaining(['en']));
  });
});

describe('GET /v1/explainers/:id from another origin', () => {
  it('exposes the ETag to cross-origin scripts', async () => {
    const res = await get(`/v1/explainers/${ID}`, { headers: { Origin: 'https://publisher.example' } });
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  });
});
