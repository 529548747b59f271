/**
 * GET /explainers/:id/sources/:source, the redirect a sandboxed frame follows to open a source:
 * only to a source the explainer itself cites, never to a URL named in the request.
 */
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';

describe('GET /explainers/:id/sources/:source', () => {
  it('redirects to the explainer’s own sources only', async () => {
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
