// Throughput of our JSON route against a constant-Response worker serving the same bytes,
// both in workerd (Miniflare) on loopback, measured in one run by the same client, so the
// ratio means something on a shared 2-core machine where absolute req/s do not.
//
// Usage: npm run bench:http [-- --seconds 4 --rounds 3 --concurrency 16]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deployBundle, ROOT, startWorker } from '../tools/worker.ts';
import { load, median, writeFileIn } from './harness.ts';

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

const out = join(ROOT, '.cache', 'bench');

// The real Worker, bundled exactly as deploy would bundle it.
const entry = deployBundle(out);

// The baseline: the same bytes and headers from a constant Response.
const probe = await startWorker(entry);
const sample = await probe.mf.dispatchFetch('http://bench/v1/explainers/putin-baku-2024');
const body = await sample.text();
const headers = Object.fromEntries(sample.headers);
await probe.stop();
const constantPath = join(out, 'constant.mjs');
writeFileIn(
  constantPath,
  // Encoded once at start-up, as our Worker does: the fastest way to serve these bytes.
  `const body = new TextEncoder().encode(${JSON.stringify(body)}); const headers = ${JSON.stringify(headers)};\n` +
    // The baseline answers a conditional request with 304 too, without comparing anything.
    `export default { fetch(req) { return req.headers.has('if-none-match') ? ` +
    `new Response(null, { status: 304, headers }) : new Response(body, { headers }); } };\n`,
);

const ours = await startWorker(entry);
const constant = await startWorker(constantPath);
const path = '/v1/explainers/putin-baku-2024';
const etag = headers.etag;
const cases = [
  { name: 'GET explainer (200)', path, headers: {} },
  { name: 'GET explainer (304)', path, headers: { 'If-None-Match': etag } },
];
const results: { case: string; 'ours req/s': number; 'constant req/s': number; ratio: string }[] = [];
try {
  for (const c of cases) {
    const rates: { ours: number[]; constant: number[] } = { ours: [], constant: [] };
    // Alternate the two targets so that machine noise hits both alike.
    for (let r = 0; r < ROUNDS; r++) {
      rates.constant.push(
        (
          await load(new URL(c.path, constant.origin), {
            seconds: SECONDS,
            concurrency: CONCURRENCY,
            headers: c.headers,
          })
        ).rps,
      );
      rates.ours.push(
        (await load(new URL(c.path, ours.origin), { seconds: SECONDS, concurrency: CONCURRENCY, headers: c.headers }))
          .rps,
      );
    }
    results.push({
      case: c.name,
      'ours req/s': Math.round(median(rates.ours)),
      'constant req/s': Math.round(median(rates.constant)),
      ratio: (median(rates.ours) / median(rates.constant)).toFixed(2),
    });
  }
} finally {
  await ours.stop();
  await constant.stop();
}
console.log(`bench: ${ROUNDS} rounds × ${SECONDS}s, ${CONCURRENCY} connections, body ${body.length} B`);
console.table(results);
