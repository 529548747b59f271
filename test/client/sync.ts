/**
 * @module A small program an API developer would write with a client generated from our
 * description (openapi-typescript + openapi-fetch): page the index one explainer at a time,
 * fetch every edition, revalidate with its ETag, and branch on a problem's `type`. It must
 * type-check against the generated types (`npm run typecheck`) and run against the Worker
 * (test/client/client.test.ts).
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../generated/api-client.ts';

type Explainer = components['schemas']['Explainer'];

export interface SyncResult {
  ids: string[];
  editions: Explainer[];
  /** Editions whose ETag, sent back, gave 304. */
  revalidated: number;
  /** The problem type of an explainer that does not exist. */
  missingType: string;
}

export async function syncAll(baseUrl: string): Promise<SyncResult> {
  const api = createClient<paths>({ baseUrl });
  const result: SyncResult = { ids: [], editions: [], revalidated: 0, missingType: '' };
  let cursor: string | undefined;
  do {
    const page = await api.GET('/v1/explainers', { params: { query: { limit: 1, cursor } } });
    if (page.error) throw new Error(`index: ${page.error.title}`);
    for (const entry of page.data.explainers) {
      result.ids.push(entry.id);
      for (const lang of entry.languages) {
        const params = { path: { id: entry.id }, query: { lang } };
        const got = await api.GET('/v1/explainers/{id}', { params });
        if (got.error) throw new Error(`${entry.id} (${lang}): ${got.error.title}`);
        if (!got.data) throw new Error(`${entry.id} (${lang}): no body`);
        result.editions.push(got.data);
        const etag = got.response.headers.get('ETag') ?? '';
        const again = await api.GET('/v1/explainers/{id}', { params, headers: { 'If-None-Match': etag } });
        if (again.response.status === 304) result.revalidated++;
      }
    }
    cursor = page.data.next ?? undefined;
  } while (cursor);
  const missing = await api.GET('/v1/explainers/{id}', { params: { path: { id: 'no-such-explainer' } } });
  result.missingType = missing.error?.type ?? '';
  return result;
}
