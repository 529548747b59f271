import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let cli = '';

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'content-cli-'));
  cli = join(out, 'cli.mjs');
  await build({
    entryPoints: [join(ROOT, 'catalogue/build/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: cli,
    logLevel: 'silent',
    nodePaths: [join(ROOT, 'node_modules')],
  });
});

/** A throwaway project with one content file, built by the real CLI. */
function runBuild(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  mkdirSync(join(dir, 'content', 'putin-baku-2024'), { recursive: true });
  writeFileSync(join(dir, 'content', 'putin-baku-2024', 'en.json'), text);
  const run = spawnSync(process.execPath, [cli], { cwd: dir, encoding: 'utf8' });
  return { ...run, dir };
}

describe('npm run new -- <id>', () => {
  it('scaffolds a file in the schema’s shape whose TODOs fail the build until written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'content-new-'));
    const newCli = join(out, 'new.mjs');
    await build({
      entryPoints: [join(ROOT, 'catalogue/build/new-cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: newCli,
      logLevel: 'silent',
      nodePaths: [join(ROOT, 'node_modules')],
    });
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    mkdirSync(join(dir, 'content'));
    const made = spawnSync(process.execPath, [newCli, 'my-story'], { cwd: dir, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const path = join(dir, 'content', 'my-story', 'en.json');
    const scaffold = readFileSync(path, 'utf8');

    const first = spawnSync(process.execPath, [cli], { cwd: dir, encoding: 'utf8' });
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('content/my-story/en.json: title: is a TODO placeholder; write it');
    expect(first.stderr).toContain('content/my-story/en.json: keyFacts[0].text: is a TODO placeholder; write it');
    // Only the TODOs fail it: the scaffold has the schema's shape.
    expect(first.stderr).not.toMatch(/Unrecognized|must|Invalid/);

    // An editor writes every field: the same file now builds.
    writeFileSync(path, scaffold.replace(/TODO: [^"]*/g, 'Written by an editor.'));
    const second = spawnSync(process.execPath, [cli], { cwd: dir, encoding: 'utf8' });
    expect(second.status, second.stderr).toBe(0);
    // It will not overwrite an explainer that exists.
    expect(spawnSync(process.execPath, [newCli, 'my-story'], { cwd: dir, encoding: 'utf8' }).status).toBe(1);
  });
});

describe('npm run build:content', () => {
  const realText = readFileSync(join(ROOT, 'content/putin-baku-2024/en.json'), 'utf8');

  it('compiles valid content into the Worker module', () => {
    const run = runBuild(realText);
    expect(run.status).toBe(0);
    expect(existsSync(join(run.dir, 'generated/content.ts'))).toBe(true);
  });

  it('exits non-zero naming the file, the field and the problem', () => {
    const doc = JSON.parse(realText) as { keyFacts: { sources: string[] }[] };
    doc.keyFacts[1]!.sources = ['typo-source'];
    const run = runBuild(JSON.stringify(doc));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'content/putin-baku-2024/en.json: keyFacts[1].sources[0]: cites unknown source id "typo-source"',
    );
    expect(existsSync(join(run.dir, 'generated/content.ts'))).toBe(false);
  });
});
