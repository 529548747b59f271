/**
 * The description as an API developer uses it: a client generated from it (openapi-typescript
 * types, openapi-fetch) runs a small sync program against the Worker as deploy bundles it.
 * The program type-checks in `npm run typecheck` (tsconfig.json includes test/client).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployBundle, startWorker, type WorkerServer } from '../../tools/worker.ts';
import { syncAll } from '../client/sync.ts';

let worker: WorkerServer;
beforeAll(async () => {
  worker = await startWorker(deployBundle());
}, 120_000);
afterAll(async () => {
  await worker.stop();
});

describe('a client generated from /v1/openapi.json', () => {
  it('pages the index one at a time, fetches every edition, revalidates with ETags and branches on problem types', async () => {
    const result = await syncAll(worker.origin);
    expect(result.ids.length).toBeGreaterThan(0);
    expect(new Set(result.ids).size).toBe(result.ids.length);
    expect(result.editions.length).toBeGreaterThanOrEqual(result.ids.length);
    for (const doc of result.editions) expect(doc.title.length).toBeGreaterThan(0);
    expect(result.revalidated).toBe(result.editions.length);
    expect(result.missingType).toBe(`${worker.origin}/problems/unknown-explainer`);
  }, 60_000);
});
