/**
 * GET /docs, the API reference: every path of the OpenAPI description (/v1/openapi.json),
 * readable without script, under our strict CSP.
 */
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const doc = async () => await (await get('/v1/openapi.json')).json<Doc>();

describe('GET /docs', () => {
  it('is a readable reference of every path, under our strict CSP, with no script', async () => {
    const res = await get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(res.headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toContain('<script');
    for (const path of Object.keys((await doc()).paths))
      expect(html).toContain(`<code>${path.replace(/&/g, '&amp;')}</code>`);
    expect(html).toContain('<code>GET /v1/explainers/{id}</code>');
  });
});
