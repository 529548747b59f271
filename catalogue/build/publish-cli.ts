/**
 * @module `npm run content:publish`: validates all content (the build's checks and messages)
 * and writes only what changed to the catalogue in Workers KV, without a deploy.
 *
 *   npm run content:publish                  # the local KV that `wrangler dev` (npm start) reads
 *   npm run content:publish -- --dry-run     # print what would change, field by field; write nothing
 *   npm run content:publish -- --remote      # the production namespace (wrangler login first)
 *   npm run content:publish -- --persist-to DIR   # another local store (tests, bench)
 *
 * A deleted edition file removes its keys. An edition whose text changed since it was
 * published, without a new entry in its `revisions` of kind `correction` or `update` (a
 * `review` alone says nothing changed), is refused, and nothing is written.
 * The current widget build is kept under its hash (`widget:<hash>`), never deleted, so pages
 * that pinned an earlier release with SRI keep working: publish with every release (deploy does).
 *
 * With `--remote` and a zone configured (`CLOUDFLARE_ZONE_ID`, `CLOUDFLARE_API_TOKEN`, and the
 * public origin: env `PUBLIC_ORIGIN`, else wrangler.toml's `[vars] PUBLIC_ORIGIN`), the changed
 * explainers' URLs are then purged from Cloudflare's cache (`CLOUDFLARE_API_BASE` moves the API,
 * for tests). A failed purge exits non-zero after KV was written, listing the URLs to purge by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { wranglerEnv } from '../../tools/worker.ts';
import { widget } from '../../generated/widget.ts';
import { widgetKey } from '../kv.ts';
import {
  batches,
  editionChanges,
  kvEntries,
  planPublish,
  PURGE_BATCH,
  purgeUrls,
  type KvEntry,
  type StoredKey,
} from './kv-entries.ts';
import { compileContent } from './compile.ts';
import { readContent } from './read.ts';

const root = process.cwd();
const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
  },
});
const dryRun = values['dry-run'];
const where = values.remote
  ? ['--remote']
  : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];

function wrangler(args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: wranglerEnv(),
  });
}

const dir = join(root, '.cache', 'publish');

/** The values KV holds under `keys` (null where none): one `wrangler kv bulk get`. */
function storedValues(keys: string[]): Map<string, string | null> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'get.json'), JSON.stringify(keys));
  const out = wrangler(['kv', 'bulk', 'get', join(dir, 'get.json'), '--binding', 'EXPLAINERS', ...where]);
  // The JSON object stands between a line `{` and a line `}`; banners and "Success!" around it.
  const start = out.search(/^\{$/m);
  const end = out.lastIndexOf('\n}');
  const got = JSON.parse(out.slice(start, end + 2)) as Record<string, string | { value: string | null } | null>;
  // Local KV answers { key: { value } }, the API { key: value }.
  return new Map(keys.map((k) => [k, ((v) => (v === null || typeof v === 'string' ? v : v.value))(got[k] ?? null)]));
}

const result = compileContent(readContent(root));
for (const line of result.warnings) console.warn(`content: warning: ${line}`);
if (!result.ok) {
  console.error(`content:publish: not published, ${result.errors.length} problem(s):`);
  for (const line of result.errors) console.error(`  ${line}`);
  process.exit(1);
}

const listed = wrangler(['kv', 'key', 'list', '--binding', 'EXPLAINERS', ...where]);
const stored = JSON.parse(listed.slice(listed.indexOf('['))) as StoredKey[];
// This release's widget build, kept under its hash for pages that pin it (never deleted).
const release = { key: widgetKey(widget.hash), value: widget.code, metadata: { etag: `"${widget.hash}"` } };
const entries = [...kvEntries(result.content), release];
const plan = planPublish(entries, stored);
if (plan.errors.length > 0) {
  console.error(`content:publish: not published, ${plan.errors.length} problem(s):`);
  for (const line of plan.errors) console.error(`  ${line}`);
  process.exit(1);
}
const target = values.remote ? 'production KV' : 'local KV';

/** `explainer:<id>:<lang>` → `content/<id>/<lang>.json`; undefined for other keys. */
const editionFile = (key: string) => /^explainer:([^:]+):([^:]+)$/.exec(key)?.slice(1).join('/');

/** The dry run: each changed edition, field by field, against what KV holds. */
function describeChanges(put: KvEntry[]): Map<string, string[]> {
  const had = new Set(stored.map((k) => k.name));
  const editions = put.filter((e) => editionFile(e.key) && had.has(e.key));
  const before = editions.length > 0 ? storedValues(editions.map((e) => e.key)) : new Map<string, string | null>();
  const lines = new Map<string, string[]>();
  for (const e of put) {
    const file = editionFile(e.key);
    if (!file) continue;
    const old = before.get(e.key);
    if (!old) {
      lines.set(e.key, [`  content/${file}.json: a new edition`]);
      continue;
    }
    const changes = editionChanges(JSON.parse(old), JSON.parse(e.value));
    lines.set(e.key, [
      `  content/${file}.json: ${changes.length} field(s) changed`,
      ...changes.map((c) => `    ${c.path}: ${c.diff}`),
    ]);
  }
  return lines;
}

const details = dryRun ? describeChanges(plan.put) : new Map<string, string[]>();
for (const e of plan.put) {
  console.log(`${dryRun ? 'would put' : 'put'}    ${e.key}`);
  for (const line of details.get(e.key) ?? []) console.log(line);
}
for (const key of plan.delete) console.log(`${dryRun ? 'would delete' : 'delete'} ${key}`);
if (plan.put.length + plan.delete.length === 0) console.log(`content:publish: ${target} is up to date`);
if (dryRun) process.exit(0);

mkdirSync(dir, { recursive: true });
if (plan.put.length > 0) {
  writeFileSync(join(dir, 'put.json'), JSON.stringify(plan.put));
  wrangler(['kv', 'bulk', 'put', join(dir, 'put.json'), '--binding', 'EXPLAINERS', ...where]);
}
if (plan.delete.length > 0) {
  writeFileSync(join(dir, 'delete.json'), JSON.stringify(plan.delete));
  wrangler(['kv', 'bulk', 'delete', join(dir, 'delete.json'), '--binding', 'EXPLAINERS', '--force', ...where]);
}
console.log(`content:publish: ${plan.put.length} put, ${plan.delete.length} deleted in ${target}`);

/** The public origin: env PUBLIC_ORIGIN, else wrangler.toml's top-level `[vars] PUBLIC_ORIGIN`. */
function publicOrigin(): string | undefined {
  if (process.env.PUBLIC_ORIGIN) return process.env.PUBLIC_ORIGIN;
  const file = join(root, 'wrangler.toml');
  if (!existsSync(file)) return undefined;
  const toml = readFileSync(file, 'utf8');
  const vars = /^\[vars\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? '';
  return /^\s*PUBLIC_ORIGIN\s*=\s*"([^"]*)"/m.exec(vars)?.[1];
}

/** Purges `urls` from the zone's cache, 30 per request; the reason it failed, or undefined. */
async function purge(urls: string[], zone: string, token: string): Promise<string | undefined> {
  const api = (process.env.CLOUDFLARE_API_BASE ?? 'https://api.cloudflare.com/client/v4').replace(/\/+$/, '');
  for (const files of batches(urls, PURGE_BATCH)) {
    let res: Response;
    try {
      res = await fetch(`${api}/zones/${encodeURIComponent(zone)}/purge_cache`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ files }),
      });
    } catch (err) {
      return `the purge API (${api}) did not answer: ${(err as Error).message}`;
    }
    const { status } = res;
    const body = (await res.json().catch(() => ({}))) as {
      success?: boolean;
      errors?: { code?: number; message?: string }[];
    };
    if (!res.ok || body.success !== true) {
      const why = (body.errors ?? []).map((e) => `${e.message ?? 'error'}${e.code ? ` (${e.code})` : ''}`).join('; ');
      return `the purge API answered HTTP ${status}${why ? `: ${why}` : ''}`;
    }
  }
  return undefined;
}

const zone = process.env.CLOUDFLARE_ZONE_ID;
if (values.remote && purgeUrls(plan, entries, '').length > 0) {
  if (!zone) {
    console.log(
      'content:publish: no CLOUDFLARE_ZONE_ID, so no cache purge: readers see the change as the HTTP caches expire (up to about 5 minutes)',
    );
  } else {
    const origin = publicOrigin();
    const token = process.env.CLOUDFLARE_API_TOKEN;
    const usable =
      origin && /^https?:\/\/[^/]+\/?$/.test(origin) && !/^https?:\/\/(?:localhost|127\.|\[::1\])/.test(origin);
    // Absolute URLs; only paths where the origin is unusable (to be purged by hand).
    const urls = purgeUrls(plan, entries, usable ? origin : '');
    let failure: string | undefined;
    if (!token) failure = 'CLOUDFLARE_API_TOKEN is not set (an API token with the Cache Purge permission on the zone)';
    else if (!usable)
      failure = `the public origin is ${origin ? `"${origin}", not a public origin` : 'not set'}: set PUBLIC_ORIGIN (env, or [vars] in wrangler.toml), e.g. https://explainers.example.com`;
    else failure = await purge(urls, zone, token);
    if (failure) {
      console.error(`content:publish: KV is written, but the cache was not purged: ${failure}.`);
      console.error(
        '  Readers see the change as the HTTP caches expire (up to about 5 minutes). To make it immediate,',
      );
      console.error('  purge these URLs (dashboard: Caching → Configuration → Purge Cache → Custom Purge):');
      for (const url of urls) console.error(`    ${url}`);
      process.exit(1);
    }
    console.log(`content:publish: purged ${urls.length} URL(s) from the cache of zone ${zone}`);
  }
}
