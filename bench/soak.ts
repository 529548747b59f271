// npm run soak: the deploy bundle in workerd (Miniflare, the catalogue seeded as
// content:publish writes it) under 60 s × 50 connections of mixed traffic from autocannon:
// documents, 304 revalidations, embed.js, pages, errors and preflights. Then the same traffic
// against a constant Worker in the same runtime, as the baseline for memory. Passes with no
// errors, no 5xx, and memory over the last 40 s (after a 20 s warm-up) within 10 % — or, where
// the runtime itself grows under local load, within the constant Worker's growth + 10 %.
// Not part of npm test (it takes two minutes); prints a summary.
//
// Usage: npm run soak [-- --seconds 60 --connections 50]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request, type Result } from 'autocannon';
import { deployBundle, ROOT, startWorker } from '../tools/worker.ts';
import { writeFileIn } from './harness.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' } },
});
const SECONDS = Math.min(Number(values.seconds), 600);
const WARMUP = Math.min(20, Math.floor(SECONDS / 3));
const CONNECTIONS = Math.min(Number(values.connections), 200);
const out = join(ROOT, '.cache', 'soak');

const entry = deployBundle(out);
const constantPath = join(out, 'constant.mjs');
writeFileIn(constantPath, "export default { fetch() { return new Response('{}', { status: 404 }); } };\n");

/** PIDs of running workerd processes (each Miniflare starts one). */
function workerdPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('workerd');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The traffic: documents, 304s, embed.js, pages, errors and preflights. */
const traffic = (etag: string): Request[] => [
  { path: '/v1/explainers/putin-baku-2024' },
  { path: '/v1/explainers/putin-baku-2024?lang=ru' },
  { path: '/v1/explainers/putin-baku-2024', headers: { 'if-none-match': etag } },
  { path: '/v1/explainers?limit=5' },
  { path: '/v1/embed.js' },
  { path: '/explainers/putin-baku-2024' },
  { path: '/explainers/putin-baku-2024/snippet?lang=ru' },
  { path: '/v1/explainers/no-such-story' },
  { path: '/explainers/no-such-story', headers: { accept: 'text/html' } },
  { path: '/nothing/here' },
  {
    method: 'OPTIONS',
    path: '/v1/explainers/putin-baku-2024',
    headers: { origin: 'https://p.example', 'access-control-request-headers': 'if-none-match' },
  },
  { method: 'POST', path: '/v1/explainers' },
];

interface Soaked {
  result: Result;
  failures: string[];
  pid: number | undefined;
  /** RSS in MB, one sample a second after the warm-up. */
  late: number[];
  kinds: number;
}

/** One soak of `scriptPath` in its own workerd: autocannon's result, 5xx details, memory after warm-up. */
async function soak(scriptPath: string, seed: boolean): Promise<Soaked> {
  const before = new Set(workerdPids());
  // Unseeded (the constant Worker), the catalogue binding stays empty.
  const worker = await startWorker(scriptPath, seed ? {} : { entries: [] });
  const pid = workerdPids().find((p) => !before.has(p));
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const etag =
    (await worker.mf.dispatchFetch(new URL('/v1/explainers/putin-baku-2024', worker.origin))).headers.get('ETag') ??
    '"x"';
  const requests = traffic(etag);
  const failures: string[] = [];
  for (const r of requests)
    r.onResponse = (status, body) => {
      if (status >= 500 && failures.length < 10)
        failures.push(`${r.method ?? 'GET'} ${r.path} → ${status} ${body.slice(0, 160)}`);
    };
  const memory: [number, number][] = [];
  const started = Date.now();
  const sampler = setInterval(() => memory.push([Date.now() - started, rssMb()]), 1000);
  const result = await autocannon({
    url: new URL(worker.origin).toString(),
    connections: CONNECTIONS,
    duration: SECONDS,
    requests,
  });
  clearInterval(sampler);
  await worker.stop();
  const late = memory.filter(([t]) => t >= WARMUP * 1000).map(([, mb]) => mb);
  return { result, failures, pid, late, kinds: requests.length };
}

// With no sample after the warm-up these are NaN, and NaN fails every comparison below.
const first = (late: number[]) => late[0] ?? NaN;
const final = (late: number[]) => late.at(-1) ?? NaN;
const growth = (late: number[]) => (final(late) - first(late)) / first(late);
const spread = (late: number[]) => (Math.max(...late) - Math.min(...late)) / Math.min(...late);
const ours = await soak(entry, true);
const baseline = await soak(constantPath, false);
const { result, late } = ours;
const mb = (x: number) => x.toFixed(0);

console.log(
  `soak: ${SECONDS} s × ${CONNECTIONS} connections, ${ours.kinds} kinds of request; memory after a ${WARMUP} s warm-up`,
);
console.table({
  requests: result.requests.total,
  'req/s (mean)': Math.round(result.requests.average),
  errors: result.errors,
  timeouts: result.timeouts,
  'non-2xx (404, 405, 304 by design)': result.non2xx,
  '5xx': result['5xx'],
  'latency p50 / p90 / p99 / max ms': `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p99} / ${result.latency.max}`,
  'memory, ours (MB)': `${mb(first(late))} → ${mb(final(late))} (spread ${(spread(late) * 100).toFixed(0)} %)`,
  'memory, constant Worker (MB)': `${mb(first(baseline.late))} → ${mb(final(baseline.late))} (spread ${(spread(baseline.late) * 100).toFixed(0)} %)`,
  'baseline requests': baseline.result.requests.total,
});
for (const f of ours.failures) console.log(`5xx: ${f}`);
const flat = spread(late) <= 0.1 || growth(late) <= growth(baseline.late) + 0.1;
const ok = result.errors === 0 && result.timeouts === 0 && result['5xx'] === 0 && flat;
console.log(ok ? 'soak: passed' : 'soak: FAILED');
process.exit(ok ? 0 : 1);
