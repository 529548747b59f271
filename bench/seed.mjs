// The catalogue, seeded into a Miniflare's EXPLAINERS namespace exactly as
// `npm run content:publish` writes it (generated/kv.json, from the content build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Miniflare options for the catalogue binding; spread into `new Miniflare({ … })`. */
export const catalogueOptions = { kvNamespaces: ['EXPLAINERS'] };

/** Writes every catalogue entry into the running Miniflare's KV. */
export async function seedCatalogue(
  mf,
  entries = JSON.parse(readFileSync(join(root, 'generated', 'kv.json'), 'utf8')),
) {
  const kv = await mf.getKVNamespace('EXPLAINERS');
  for (const e of entries) await kv.put(e.key, e.value, { metadata: e.metadata });
}
