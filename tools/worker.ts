/**
 * @module What tests, benches and the preview share to run the Worker: wrangler's environment,
 * the deploy bundle, and the bundle served in workerd (Miniflare) with the catalogue seeded in
 * its KV exactly as `npm run content:publish` writes it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Miniflare, type MiniflareOptions } from 'miniflare';

/**
 * The project's root: the nearest folder above this module with a package.json (this module
 * also runs bundled into .cache/tools/ and inside vitest's config, so no fixed '..').
 */
export const ROOT = ((dir: string): string => {
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd(); // a tool bundled into a throwaway folder (tests)
    dir = up;
  }
  return dir;
})(import.meta.dirname);
/** wrangler's own entry, run with this Node (no npx, no shell). */
export const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/**
 * The environment for every wrangler run (toolchain.md): no metrics, no network look-ups of
 * Request.cf, logs and config in a folder of ours.
 */
export function wranglerEnv(): NodeJS.ProcessEnv {
  const xdg = join(ROOT, '.cache', 'xdg');
  mkdirSync(xdg, { recursive: true });
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    XDG_CONFIG_HOME: xdg,
  };
}

/** Bundles the Worker exactly as `wrangler deploy` would upload it into `outDir`; returns its entry file. */
export function deployBundle(outDir = join(ROOT, '.cache', 'bundle')): string {
  execFileSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', outDir], {
    cwd: ROOT,
    env: wranglerEnv(),
    stdio: 'pipe',
  });
  return join(outDir, 'index.js');
}

/** The compatibility date wrangler.toml pins (the bundled workerd's). */
export const compatibilityDate = /compatibility_date\s*=\s*"([^"]+)"/.exec(
  readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'),
)?.[1];

/** One KV entry as `content:publish` writes it (generated/kv.json). */
export interface KvEntry {
  key: string;
  value: string;
  metadata?: Record<string, unknown>;
}

/** The catalogue the content build prepared (generated/kv.json). */
export function catalogueEntries(): KvEntry[] {
  return JSON.parse(readFileSync(join(ROOT, 'generated', 'kv.json'), 'utf8')) as KvEntry[];
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface WorkerServer {
  mf: Miniflare;
  /** A fresh isolate on the same KV (the Worker's few-seconds cache then holds nothing). */
  reload(): Promise<void>;
  /** Where it answers, e.g. http://127.0.0.1:43123. */
  origin: string;
  stop(): Promise<void>;
}

/**
 * Serves `scriptPath` (a deploy bundle) on 127.0.0.1 with the catalogue binding, seeded with
 * `entries`. PUBLIC_ORIGIN follows the port, as it does under `npm start`.
 *
 * @example const worker = await startWorker(deployBundle(), { port: 8789 });
 */
export async function startWorker(
  scriptPath: string,
  {
    port,
    entries = catalogueEntries(),
    bindings = {},
  }: { port?: number; entries?: KvEntry[]; bindings?: Record<string, string> } = {},
): Promise<WorkerServer> {
  const chosen = port ?? (await freePort());
  const options: MiniflareOptions = {
    modules: true,
    scriptPath,
    compatibilityDate,
    cf: false,
    host: '127.0.0.1',
    port: chosen,
    bindings: { PUBLIC_ORIGIN: `http://127.0.0.1:${chosen}`, ...bindings },
    kvNamespaces: ['EXPLAINERS'],
  };
  const mf = new Miniflare(options);
  const url = await mf.ready;
  await seedCatalogue(mf, entries);
  return { mf, origin: url.origin, reload: () => mf.setOptions(options), stop: () => mf.dispose() };
}

/** Writes catalogue entries into a running Miniflare's KV (in parallel batches: benches seed 10,000). */
export async function seedCatalogue(mf: Miniflare, entries: KvEntry[]): Promise<void> {
  const kv = await mf.getKVNamespace('EXPLAINERS');
  for (let i = 0; i < entries.length; i += 200)
    await Promise.all(entries.slice(i, i + 200).map((e) => kv.put(e.key, e.value, { metadata: e.metadata })));
}
