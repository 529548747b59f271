// What the benches share beyond serving the Worker (that is tools/worker.ts: the deploy bundle,
// Miniflare with the catalogue seeded as `npm run content:publish` writes it): a closed-loop
// HTTP load generator, percentiles, and writing results where the folder may not exist yet.
import { mkdirSync, writeFileSync } from 'node:fs';
import http, { type OutgoingHttpHeaders } from 'node:http';
import { dirname } from 'node:path';

/** Writes `file`, creating its folder first (a fresh clone has no .cache/bench). */
export function writeFileIn(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/** The middle value (the upper one of an even count), as every closed-loop bench reports it. */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
}

/**
 * Closed-loop load: `concurrency` keep-alive clients for `seconds`; requests per second and
 * latency percentiles. Any status other than 200 or 304 is a failure.
 */
export function load(
  url: URL,
  { seconds, concurrency, headers = {} }: { seconds: number; concurrency: number; headers?: OutgoingHttpHeaders },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let failed = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200 || res.statusCode === 304) latencies.push(performance.now() - t0);
          else failed++;
          resolve();
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
    });
  const worker = async () => {
    while (Date.now() < deadline) await one();
  };
  const started = Date.now();
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    agent.destroy();
    if (failed) throw new Error(`${failed} failed requests against ${url.href}`);
    return {
      rps: latencies.length / ((Date.now() - started) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  });
}
