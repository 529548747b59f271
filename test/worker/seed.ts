/**
 * Every worker test file starts with the catalogue published to KV exactly as
 * `npm run content:publish` writes it (generated/kv.json, from the content build).
 */
import { env } from 'cloudflare:workers';
import { beforeAll } from 'vitest';
import entries from '../../generated/kv.json';

beforeAll(async () => {
  for (const e of entries) await env.EXPLAINERS.put(e.key, e.value, { metadata: e.metadata });
});
