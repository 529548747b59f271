// What every bench shares: the Worker bundled as deploy bundles it, the catalogue seeded into
// Miniflare's KV as `npm run content:publish` writes it (generated/kv.json), and a closed-loop
// HTTP load generator.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Bundles the Worker exactly as `wrangler deploy` would into `outDir`; returns its entry file. */
export function deployBundle(outDir) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outDir],
    {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        XDG_CONFIG_HOME: join(root, '.cache', 'xdg'),
      },
    },
  );
  return join(outDir, 'index.js');
}

/** Miniflare options for the catalogue binding; spread into `new Miniflare({ … })`. */
export const catalogueOptions = { kvNamespaces: ['EXPLAINERS'] };

const compatibilityDate = /compatibility_date\s*=\s*"([^"]+)"/.exec(
  readFileSync(join(root, 'wrangler.toml'), 'utf8'),
)?.[1];

/** Options to serve a Worker module on a free loopback port, with the catalogue binding. */
export function workerOptions(scriptPath) {
  return {
    modules: true,
    scriptPath,
    compatibilityDate,
    cf: false,
    host: '127.0.0.1',
    port: 0,
    bindings: { PUBLIC_ORIGIN: 'http://127.0.0.1' },
    ...catalogueOptions,
  };
}

/** Writes every catalogue entry into the running Miniflare's KV. */
export async function seedCatalogue(
  mf,
  entries = JSON.parse(readFileSync(join(root, 'generated', 'kv.json'), 'utf8')),
) {
  const kv = await mf.getKVNamespace('EXPLAINERS');
  for (let i = 0; i < entries.length; i += 200)
    await Promise.all(entries.slice(i, i + 200).map((e) => kv.put(e.key, e.value, { metadata: e.metadata })));
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/**
 * Closed-loop load: `concurrency` keep-alive clients for `seconds`; requests per second and
 * latency percentiles. Any status other than 200 or 304 is a failure.
 */
export function load(url, { seconds, concurrency, headers = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = Date.now() + seconds * 1000;
  const latencies = [];
  let failed = 0;
  const one = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = http.get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200 || res.statusCode === 304) latencies.push(performance.now() - t0);
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
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    agent.destroy();
    if (failed) throw new Error(`${failed} failed requests against ${url}`);
    return {
      rps: latencies.length / ((Date.now() - started) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  });
}
