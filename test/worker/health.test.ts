/**
 * GET /healthz, the liveness check: how many explainers the catalogue holds and which widget
 * build is served, never cached.
 */
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';
import { widget } from '../../generated/widget.ts';
import entries from '../../generated/kv.json';

/** How many explainers the catalogue the tests seeded holds: its index's entries, however many. */
const explainers = (JSON.parse(entries.find((e) => e.key === 'index')!.value) as unknown[]).length;

describe('GET /healthz', () => {
  it('reports ok without caching', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(explainers).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ status: 'ok', explainers, widget: widget.hash });
  });
});
