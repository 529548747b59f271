// The catalogue at 1, 100 and 10,000 explainers: do lookups slow as it grows?
//
// For each size, synthetic explainers (valid against the schema: compiled by the real content
// build) are published to the Worker's KV in workerd (Miniflare), then measured in one run:
// - hot:   GET /v1/explainers/:id for one id, repeated (closed loop), and the same bytes from a
//          constant pre-encoded Response (the ceiling);
// - cold:  the first GET of a random id in a fresh isolate (nothing cached), median latency;
// - index: GET /v1/explainers (the first page).
// Machines here are shared and noisy: compare the ratios within one run, not absolute numbers.
//
// Usage: npm run bench:catalogue [-- --seconds 4 --sizes 1,100,10000]
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// The real content build (bundled for Node with this bench by tools/run.mjs).
import { compileContent } from '../catalogue/build/compile.ts';
import { kvEntries, type KvEntry } from '../catalogue/build/kv-entries.ts';
import { deployBundle, ROOT, startWorker } from '../tools/worker.ts';
import { load, median, writeFileIn, type LoadResult } from './harness.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    sizes: { type: 'string', default: '1,100,10000' },
    concurrency: { type: 'string', default: '16' },
    samples: { type: 'string', default: '30' },
  },
});
const SECONDS = Math.min(Number(values.seconds), 30);
const SIZES = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n >= 1 && n <= 20_000);
const CONCURRENCY = Math.min(Number(values.concurrency), 64);
const SAMPLES = Math.min(Number(values.samples), 200);

const out = join(ROOT, '.cache', 'bench-catalogue');

const entry = deployBundle(out);
const bundleBytes = statSync(entry).size;

/** A small explainer that passes every check of the schema. */
function synthetic(i: number) {
  const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const cite = ['s1'];
  return {
    id: `story-${i}`,
    lang: 'en',
    title: `Synthetic explainer number ${i}`,
    summary: 'A generated explainer for the catalogue benchmark, valid against the schema.',
    updatedAt: '2026-11-30T00:00:00Z',
    article: { title: 'Report on a generated story', publisher: 'Bench', date: day },
    keyFacts: [1, 2, 3].map((n) => ({ text: `Generated key fact ${n} of explainer ${i}.`, sources: cite })),
    whyItMatters: { body: ['It measures whether lookups slow as the catalogue grows.'], sources: cite },
    background: [
      {
        id: 'card',
        title: 'A card',
        summary: 'A generated card.',
        asOf: day,
        body: ['Generated text.'],
        sources: cite,
      },
    ],
    timeline: [{ date: day, text: 'A generated event.', sources: cite }],
    sources: [{ id: 's1', title: 'A generated source', publisher: 'Bench', url: 'https://example.org/s1', date: day }],
    corrections: [],
    revisions: [{ date: day, note: 'First published.' }],
  };
}

function entriesFor(n: number): KvEntry[] {
  const files = Array.from({ length: n }, (_, i) => ({
    path: `content/story-${i}/en.json`,
    text: JSON.stringify(synthetic(i)),
  }));
  const result = compileContent(files);
  if (!result.ok) throw new Error(result.errors.slice(0, 5).join('\n'));
  return kvEntries(result.content);
}

interface Raw {
  hot: LoadResult;
  constantHot: LoadResult;
  index: LoadResult;
  cold: number[];
  compiledMs: number;
}

const LOAD = { seconds: SECONDS, concurrency: CONCURRENCY };
const rows: Record<string, string | number>[] = [];
const raw: Record<number, Raw> = {};
for (const n of SIZES) {
  const t0 = Date.now();
  const entries = entriesFor(n);
  const compiledMs = Date.now() - t0;
  const worker = await startWorker(entry, { entries });
  const hotPath = '/v1/explainers/story-0';
  const sample = await worker.mf.dispatchFetch(new URL(hotPath, worker.origin));
  const body = await sample.text();
  const headers = Object.fromEntries(sample.headers);
  const constantPath = join(out, 'constant.mjs');
  writeFileIn(
    constantPath,
    `const body = new TextEncoder().encode(${JSON.stringify(body)}); const headers = ${JSON.stringify(headers)};\n` +
      `export default { fetch() { return new Response(body, { headers }); } };\n`,
  );
  const constant = await startWorker(constantPath, { entries: [] });

  // Cold: a fresh isolate (nothing in memory) for every sample, then one first read.
  const cold: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    await worker.reload();
    const fresh = await worker.mf.ready;
    const id = `story-${Math.floor(Math.random() * n)}`;
    const c0 = performance.now();
    const res = await fetch(new URL(`/v1/explainers/${id}`, fresh));
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`cold ${id}: ${res.status}`);
    cold.push(performance.now() - c0);
  }
  const ready = await worker.mf.ready;
  const constantHot = await load(new URL(hotPath, constant.origin), LOAD);
  const hot = await load(new URL(hotPath, ready), LOAD);
  const index = await load(new URL('/v1/explainers', ready), LOAD);
  await constant.stop();
  await worker.stop();
  raw[n] = { hot, constantHot, index, cold, compiledMs };
  rows.push({
    explainers: n,
    'hot req/s': Math.round(hot.rps),
    'hot p50/p99 ms': `${hot.p50.toFixed(1)} / ${hot.p99.toFixed(1)}`,
    'hot ÷ constant': (hot.rps / constantHot.rps).toFixed(2),
    'cold first read p50 ms': median(cold).toFixed(1),
    'index req/s': Math.round(index.rps),
    'index p50 ms': index.p50.toFixed(1),
  });
}
console.log(
  `bench:catalogue: ${SECONDS}s per measurement, ${CONCURRENCY} connections, ${SAMPLES} cold samples; Worker bundle ${bundleBytes} B (the same at every size)`,
);
console.table(rows);
const [firstSize, lastSize] = [SIZES[0], SIZES.at(-1)];
if (firstSize !== undefined && lastSize !== undefined && SIZES.length > 1) {
  const [first, last] = [raw[firstSize], raw[lastSize]];
  if (first && last)
    console.log(
      `hot at ${lastSize} ÷ hot at ${firstSize}: ${(last.hot.rps / first.hot.rps).toFixed(2)}; ` +
        `cold at ${lastSize} ÷ cold at ${firstSize} (as speed, 1/latency): ${(median(first.cold) / median(last.cold)).toFixed(2)}`,
    );
}
writeFileIn(join(ROOT, '.cache', 'bench', 'catalogue.json'), JSON.stringify({ bundleBytes, raw }, null, 1));
