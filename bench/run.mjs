// Throughput of our JSON route against a constant-Response worker serving the same bytes,
// both in workerd (Miniflare) on loopback, measured in one run by the same client, so the
// ratio means something on a shared 2-core machine where absolute req/s do not.
//
// Usage: npm run bench [-- --seconds 4 --rounds 3 --concurrency 16]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Miniflare } from 'miniflare';
import { deployBundle, load, seedCatalogue, workerOptions } from './harness.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
  },
});
const SECONDS = Math.min(Number(values.seconds), 30);
const ROUNDS = Math.min(Number(values.rounds), 10);
const CONCURRENCY = Math.min(Number(values.concurrency), 64);

const root = join(import.meta.dirname, '..');
const out = join(root, '.cache', 'bench');
mkdirSync(out, { recursive: true });

// The real Worker, bundled exactly as deploy would bundle it.
const entry = deployBundle(out);

// The baseline: the same bytes and headers from a constant Response.
const probe = new Miniflare(workerOptions(entry));
await seedCatalogue(probe);
const sample = await probe.dispatchFetch('http://bench/v1/explainers/putin-baku-2024');
const body = await sample.text();
const headers = Object.fromEntries(sample.headers);
await probe.dispose();
writeFileSync(
  join(out, 'constant.mjs'),
  // Encoded once at start-up, as our Worker does: the fastest way to serve these bytes.
  `const body = new TextEncoder().encode(${JSON.stringify(body)}); const headers = ${JSON.stringify(headers)};\n` +
    // The baseline answers a conditional request with 304 too, without comparing anything.
    `export default { fetch(req) { return req.headers.has('if-none-match') ? ` +
    `new Response(null, { status: 304, headers }) : new Response(body, { headers }); } };\n`,
);

async function serve(scriptPath) {
  const mf = new Miniflare(workerOptions(scriptPath));
  const url = await mf.ready;
  await seedCatalogue(mf);
  return { mf, url };
}

const ours = await serve(entry);
const constant = await serve(join(out, 'constant.mjs'));
const path = '/v1/explainers/putin-baku-2024';
const etag = headers.etag;
const cases = [
  { name: 'GET explainer (200)', path, headers: {} },
  { name: 'GET explainer (304)', path, headers: { 'If-None-Match': etag } },
];
const results = [];
try {
  for (const c of cases) {
    const rates = { ours: [], constant: [] };
    // Alternate the two targets so that machine noise hits both alike.
    for (let r = 0; r < ROUNDS; r++) {
      rates.constant.push(
        (await load(new URL(c.path, constant.url), { seconds: SECONDS, concurrency: CONCURRENCY, headers: c.headers }))
          .rps,
      );
      rates.ours.push(
        (await load(new URL(c.path, ours.url), { seconds: SECONDS, concurrency: CONCURRENCY, headers: c.headers })).rps,
      );
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    results.push({
      case: c.name,
      'ours req/s': Math.round(median(rates.ours)),
      'constant req/s': Math.round(median(rates.constant)),
      ratio: (median(rates.ours) / median(rates.constant)).toFixed(2),
    });
  }
} finally {
  await ours.mf.dispose();
  await constant.mf.dispose();
}
console.log(`bench: ${ROUNDS} rounds × ${SECONDS}s, ${CONCURRENCY} connections, body ${body.length} B`);
console.table(results);
