/**
 * `content:publish -- --remote` purges what it changed from Cloudflare's cache: the real CLI and
 * the real wrangler, against a local stand-in for Cloudflare's API (wrangler's KV calls and the
 * purge_cache endpoint) that records every request.
 */
import { createServer, type Server } from 'node:http';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli, copyProject, explainerIds, runCliAsync } from './project.ts';

interface Recorded {
  method: string;
  path: string;
  auth: string | undefined;
  body: string;
}

/** Cloudflare's API as far as `wrangler kv` and the purge use it, with one KV namespace in memory. */
function standIn() {
  const requests: Recorded[] = [];
  const kv = new Map<string, { value: string; metadata: unknown }>();
  const purgeReply = { status: 200, body: { success: true, errors: [] as unknown[], result: { id: 'purge' } } };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({ method: req.method ?? '', path, auth: req.headers.authorization, body });
      const reply = (status: number, json: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
      const ok = (result: unknown, more = {}) =>
        reply(200, { success: true, errors: [], messages: [], result, ...more });
      if (/\/purge_cache$/.test(path)) return reply(purgeReply.status, purgeReply.body);
      if (path.endsWith('/keys'))
        return ok(
          [...kv].map(([name, { metadata }]) => ({ name, metadata })),
          { result_info: { count: kv.size, cursor: '' } },
        );
      if (path.endsWith('/bulk/get')) {
        const { keys } = JSON.parse(body) as { keys: string[] };
        return ok({ values: Object.fromEntries(keys.map((k) => [k, kv.get(k)?.value ?? null])) });
      }
      if (path.endsWith('/bulk') && req.method === 'PUT') {
        for (const e of JSON.parse(body) as { key: string; value: string; metadata: unknown }[])
          kv.set(e.key, { value: e.value, metadata: e.metadata });
        return ok({ successful_key_count: kv.size, unsuccessful_keys: [] });
      }
      if (path.endsWith('/bulk') && req.method === 'DELETE') {
        for (const key of JSON.parse(body) as string[]) kv.delete(key);
        return ok({});
      }
      reply(404, { success: false, errors: [{ code: 7003, message: `no route for ${path}` }] });
    });
  });
  return { server, requests, kv, purgeReply };
}

const api = standIn();
const project = copyProject('purge-');
const { dir } = project;
let cli = '';
let base = '';
const ZONE = 'zone-0123';
const TOKEN = 'test-token-abc';

// Four explainers: the real ones and copies, enough URLs for more than one purge request.
const ids = [...explainerIds(dir)];
for (const copy of ['purge-two', 'purge-three', 'purge-four']) {
  mkdirSync(join(dir, 'content', copy));
  cpSync(join(dir, 'content', ids[0]!), join(dir, 'content', copy), { recursive: true });
  for (const lang of ['en', 'ru']) {
    const file = join(dir, 'content', copy, `${lang}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"id": "${ids[0]!}"`, `"id": "${copy}"`));
  }
  ids.push(copy);
}

beforeAll(async () => {
  cli = await bundleCli('publish-cli', dir);
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(api.server.address() as { port: number }).port}/client/v4`;
});
afterAll(async () => {
  await new Promise((resolve) => api.server.close(resolve));
  project.remove();
});
beforeEach(() => {
  api.kv.clear();
  api.requests.length = 0;
  api.purgeReply.status = 200;
  api.purgeReply.body = { success: true, errors: [], result: { id: 'purge' } };
});

/** `content:publish` with wrangler and the purge pointed at the stand-in; `zone` configures one. */
function publish(args: string[], env: Record<string, string> = {}) {
  const { CLOUDFLARE_ZONE_ID: _zone, PUBLIC_ORIGIN: _origin, ...inherited } = process.env;
  return runCliAsync(cli, dir, args, {
    ...inherited,
    CLOUDFLARE_API_BASE_URL: base,
    CLOUDFLARE_API_BASE: base,
    CLOUDFLARE_ACCOUNT_ID: 'test-account',
    CLOUDFLARE_API_TOKEN: TOKEN,
    ...env,
  });
}
const purges = () => api.requests.filter((r) => r.path.endsWith('/purge_cache'));
const kvWrites = () => api.requests.filter((r) => r.path.endsWith('/bulk') && r.method === 'PUT');

/** What a first publish of `ids` makes stale on `origin`: every edition's JSON, page and snippet, and the index. */
const expected = (origin: string) =>
  [
    ...ids.flatMap((id) =>
      [`/v1/explainers/${id}`, `/explainers/${id}`, `/explainers/${id}/snippet`].flatMap((path) =>
        ['', '?lang=en', '?lang=ru'].map((q) => `${origin}${path}${q}`),
      ),
    ),
    `${origin}/v1/explainers`,
  ].sort();

describe('content:publish -- --remote purges the changed URLs from the cache', () => {
  it('without a zone: writes KV and purges nothing', async () => {
    const run = await publish(['--remote']);
    expect(run.status, run.stderr).toBe(0);
    expect(kvWrites()).toHaveLength(1);
    expect(purges()).toEqual([]);
    expect(run.stdout).toContain('no CLOUDFLARE_ZONE_ID, so no cache purge');
  }, 60_000);

  it('with a zone: after writing KV, every changed URL on the public origin, 30 per request, with the token', async () => {
    const toml = readFileSync(join(dir, 'wrangler.toml'), 'utf8');
    writeFileSync(
      join(dir, 'wrangler.toml'),
      toml.replace(/^PUBLIC_ORIGIN = .*$/m, 'PUBLIC_ORIGIN = "https://toml-origin.example.com"'),
    );
    try {
      const run = await publish(['--remote'], { CLOUDFLARE_ZONE_ID: ZONE });
      expect(run.status, run.stderr).toBe(0);
      const sent = purges();
      expect(sent.map((r) => [r.method, r.path, r.auth])).toEqual(
        sent.map(() => ['POST', `/client/v4/zones/${ZONE}/purge_cache`, `Bearer ${TOKEN}`]),
      );
      const batches = sent.map((r) => (JSON.parse(r.body) as { files: string[] }).files);
      expect(batches.map((b) => b.length)).toEqual([30, expected('').length - 30]);
      // The origin from wrangler.toml's [vars], as no PUBLIC_ORIGIN is in the environment.
      expect(batches.flat().sort()).toEqual(expected('https://toml-origin.example.com'));
      // KV first: readers must not get the old bytes cached again.
      expect(api.requests.indexOf(kvWrites()[0]!)).toBeLessThan(api.requests.indexOf(sent[0]!));
      expect(run.stdout).toContain(`purged ${expected('').length} URL(s) from the cache of zone ${ZONE}`);
    } finally {
      writeFileSync(join(dir, 'wrangler.toml'), toml);
    }
  }, 60_000);

  it('a dry run purges nothing and writes nothing, and shows what changed against production KV', async () => {
    // Production holds an older title of one edition.
    const key = `explainer:${ids[0]!}:en`;
    const first = await publish(['--remote']);
    expect(first.status, first.stderr).toBe(0);
    const doc = JSON.parse(api.kv.get(key)!.value) as { title: string };
    api.kv.set(key, { value: JSON.stringify({ ...doc, title: 'An older title' }), metadata: { etag: '"older"' } });
    api.requests.length = 0;

    const run = await publish(['--remote', '--dry-run'], {
      CLOUDFLARE_ZONE_ID: ZONE,
      PUBLIC_ORIGIN: 'https://x.example.com',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `would put    ${key}\n  content/${ids[0]!}/en.json: 1 field(s) changed\n    title: [-An older title-]{+`,
    );
    expect(purges()).toEqual([]);
    expect(kvWrites()).toEqual([]);
  }, 60_000);

  it('a failed purge exits non-zero after KV was written, saying why and which URLs to purge by hand', async () => {
    api.purgeReply.status = 403;
    api.purgeReply.body = {
      success: false,
      errors: [{ code: 10000, message: 'Authentication error' }],
      result: { id: '' },
    };
    const origin = 'https://env-origin.example.com';
    const run = await publish(['--remote'], { CLOUDFLARE_ZONE_ID: ZONE, PUBLIC_ORIGIN: origin });
    expect(run.status).toBe(1);
    expect(kvWrites()).toHaveLength(1);
    expect(api.kv.has(`explainer:${ids[0]!}:en`)).toBe(true);
    expect(run.stdout).toContain('put, 0 deleted in production KV');
    expect(run.stderr).toContain(
      'content:publish: KV is written, but the cache was not purged: the purge API answered HTTP 403: Authentication error (10000).',
    );
    // PUBLIC_ORIGIN from the environment wins over wrangler.toml's.
    for (const url of expected(origin)) expect(run.stderr).toContain(`    ${url}\n`);
  }, 60_000);

  it("refuses to purge a local origin (wrangler.toml's for npm start), after KV was written", async () => {
    const run = await publish(['--remote'], { CLOUDFLARE_ZONE_ID: ZONE });
    expect(run.status).toBe(1);
    expect(kvWrites()).toHaveLength(1);
    expect(purges()).toEqual([]);
    expect(run.stderr).toMatch(
      /the cache was not purged: the public origin is "http:\/\/127\.0\.0\.1:\d+", not a public origin: set PUBLIC_ORIGIN/,
    );
  }, 60_000);
});
