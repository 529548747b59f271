/**
 * Publishing without a deploy: what `content:publish` writes for a correction, a deletion and
 * a change without a revision entry (the plan), and what its dry run prints (the real CLI).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { wranglerEnv } from '../../tools/worker.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { kvEntries, planPublish, type KvEntry } from '../../catalogue/build/kv-entries.ts';
import { compileContent, type ContentFile } from '../../catalogue/build/compile.ts';
import type { ExplainerInput } from '../../catalogue/schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EN = 'content/putin-baku-2024/en.json';
const RU = 'content/putin-baku-2024/ru.json';
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as ExplainerInput;

function entriesOf(files: ContentFile[]): KvEntry[] {
  const result = compileContent(files);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return kvEntries(result.content);
}

const file = (path: string, doc: ExplainerInput): ContentFile => ({ path, text: JSON.stringify(doc) });
const published = entriesOf([file(EN, read(EN)), file(RU, read(RU))]);
const stored = published.map((e) => ({ name: e.key, metadata: e.metadata }));

describe('content:publish plans only what changed', () => {
  it('writes nothing when nothing changed', () => {
    expect(planPublish(published, stored)).toEqual({ put: [], delete: [], errors: [] });
  });

  it("a correction with a revision entry changes that edition's key and the index, nothing else", () => {
    const corrected = read(EN);
    corrected.keyFacts[0]!.text = corrected.keyFacts[0]!.text.replace('evening', 'late evening');
    corrected.revisions.push({ date: '2026-11-30', note: 'Corrected the time of arrival.' });
    const plan = planPublish(entriesOf([file(EN, corrected), file(RU, read(RU))]), stored);
    expect(plan.errors).toEqual([]);
    expect(plan.put.map((e) => e.key).sort()).toEqual(['explainer:putin-baku-2024:en', 'index']);
    expect(plan.delete).toEqual([]);
    const before = published.find((e) => e.key === 'explainer:putin-baku-2024:en')!.metadata.etag;
    expect(plan.put.find((e) => e.key === 'explainer:putin-baku-2024:en')!.metadata.etag).not.toBe(before);
  });

  it('refuses changed text without a new revision entry, naming the file', () => {
    const silent = read(EN);
    silent.keyFacts[0]!.text = silent.keyFacts[0]!.text.replace('evening', 'late evening');
    const plan = planPublish(entriesOf([file(EN, silent), file(RU, read(RU))]), stored);
    expect(plan.errors).toEqual([
      'content/putin-baku-2024/en.json: revisions: the text changed since it was published; add a revision entry ({ "date", "note" }) saying what changed',
    ]);
  });

  it('a new review date alone needs no revision entry', () => {
    const reviewed = read(EN);
    reviewed.updatedAt = '2026-12-01T09:00:00Z';
    const plan = planPublish(entriesOf([file(EN, reviewed), file(RU, read(RU))]), stored);
    expect(plan.errors).toEqual([]);
    expect(plan.put.map((e) => e.key).sort()).toEqual(['explainer:putin-baku-2024:en', 'index']);
  });

  it("deleting an edition's file removes its key", () => {
    const plan = planPublish(entriesOf([file(EN, read(EN))]), stored);
    expect(plan.delete).toEqual(['explainer:putin-baku-2024:ru']);
    expect(plan.put.map((e) => e.key).sort()).toEqual(['explainer:putin-baku-2024', 'index']);
  });
});

describe('pinned releases survive the next release', () => {
  it('two releases with different widget code keep both builds under their hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-'));
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    /** The publish CLI as it is bundled with one release's widget build. */
    const release = async (hash: string, code: string) => {
      const cli = join(dir, `publish-${hash}.mjs`);
      await build({
        entryPoints: [join(ROOT, 'catalogue/build/publish-cli.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        outfile: cli,
        logLevel: 'silent',
        plugins: [
          {
            name: 'this-release',
            setup(b) {
              b.onResolve({ filter: /generated\/widget\.ts$/ }, () => ({ path: 'widget', namespace: 'release' }));
              b.onLoad({ filter: /.*/, namespace: 'release' }, () => ({
                contents: `export const widget = ${JSON.stringify({ hash, code, etag: `"${hash}"` })};`,
                loader: 'js',
              }));
            },
          },
        ],
      });
      const run = spawnSync(process.execPath, [cli, '--persist-to', join(dir, 'state')], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    };
    expect(await release('1111111111111111', '/* release 1 */')).toContain('put    widget:1111111111111111');
    const second = await release('2222222222222222', '/* release 2 */');
    expect(second).toContain('put    widget:2222222222222222');
    expect(second).not.toMatch(/^delete /m);
    const listed = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
        'kv',
        'key',
        'list',
        '--binding',
        'EXPLAINERS',
        '--local',
        '--persist-to',
        join(dir, 'state'),
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: wranglerEnv(),
      },
    );
    const names = (JSON.parse(listed.stdout.slice(listed.stdout.indexOf('['))) as { name: string }[]).map(
      (k) => k.name,
    );
    expect(names).toEqual(expect.arrayContaining(['widget:1111111111111111', 'widget:2222222222222222']));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('npm run content:publish (the real CLI, against a local KV of its own)', () => {
  let dir = '';
  let cli = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'publish-'));
    cli = join(dir, 'publish.mjs');
    await build({
      entryPoints: [join(ROOT, 'catalogue/build/publish-cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: cli,
      logLevel: 'silent',
    });
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return () => rmSync(dir, { recursive: true, force: true });
  });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, '--persist-to', join(dir, 'state'), ...args], { cwd: dir, encoding: 'utf8' });

  it('publishes everything once, then a dry run lists exactly the changed keys and writes nothing', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('5 put, 0 deleted in local KV'); // 4 catalogue keys + this release's widget build
    expect(run('--dry-run').stdout).toContain('local KV is up to date');

    const path = join(dir, EN);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as ExplainerInput;
    doc.summary = `${doc.summary} `.trim() + ' ';
    doc.revisions.push({ date: '2026-11-30', note: 'Corrected the summary.' });
    doc.summary = doc.summary.replace('two days', 'two full days');
    writeFileSync(path, JSON.stringify(doc));
    const dry = run('--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(
      dry.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('would')),
    ).toEqual(['would put    explainer:putin-baku-2024:en', 'would put    index']);
    // The dry run wrote nothing: the same plan again.
    expect(run('--dry-run').stdout).toContain('would put    index');
  }, 60_000);
});
