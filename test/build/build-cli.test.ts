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
    entryPoints: [join(ROOT, 'content/build/cli.ts')],
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
