// Throughput of our JSON route against a constant-Response worker serving the same bytes,
// both in workerd (Miniflare) on loopback, measured in one run by the same client, so the
// ratio means something on a shared 2-core machine where absolute req/s do not.
//
// Usage: npm run bench [-- --seconds 4 --rounds 3 --concurrency 16]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Miniflare } from 'miniflare';
import { catalogueOptions, seedCatalogue } from './seed.mjs';

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
execFileSync(
  process.execPath,
  [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', XDG_CONFIG_HOME: join(root, '.cache', 'xdg') },
  },
);

// The baseline: the same bytes and headers from a constant Response.
const probe = new Miniflare({
  modules: true,
  scriptPath: join(out, 'index.js'),
  compatibilityDate: '2026-04-26',
  cf: false,
  ...catalogueOptions,
});
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
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    compatibilityDate: '2026-04-26',
    cf: false,
    host: '127.0.0.1',
    port: 0,
    ...catalogueOptions,
  });
  const url = await mf.ready;
  await seedCatalogue(mf);
  return { mf, url };
}

/** Closed-loop load: CONCURRENCY keep-alive clients for SECONDS; returns requests per second. */
function load(url, requestHeaders = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const deadline = Date.now() + SECONDS * 1000;
  let done = 0;
  let failed = 0;
  const one = () =>
    new Promise((resolve) => {
      const req = http.get(url, { agent, headers: requestHeaders }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200 || res.statusCode === 304) done++;
          else failed++;
          resolve();
        });
      });
      req.on('error', () => (failed++, resolve()));
    });
  const worker = async () => {
    while (Date.now() < deadline) await one();
  };
  const started = Date.now();
  return Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => {
    agent.destroy();
    if (failed) throw new Error(`${failed} failed requests against ${url}`);
    return done / ((Date.now() - started) / 1000);
  });
}

const ours = await serve(join(out, 'index.js'));
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
      rates.constant.push(await load(new URL(c.path, constant.url), c.headers));
      rates.ours.push(await load(new URL(c.path, ours.url), c.headers));
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
