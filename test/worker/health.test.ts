/**
 * GET /healthz, the liveness check: how many explainers the catalogue holds and which widget
 * build is served, never cached.
 */
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';
import { widget } from '../../generated/widget.ts';

describe('GET /healthz', () => {
  it('reports ok without caching', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ status: 'ok', explainers: 1, widget: widget.hash });
  });
});
