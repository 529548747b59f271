import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { check, resolveConfig } from 'prettier';
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
  it('scaffolds a file in the schema’s shape, formatted as Prettier formats it, whose every placeholder fails the build until replaced', async () => {
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
    const FILE = 'content/my-story/en.json';

    // `npm run format:check` passes on it, with the project's Prettier settings.
    const options = await resolveConfig(join(ROOT, FILE));
    expect(await check(scaffold, { ...options, filepath: FILE })).toBe(true);

    const buildErrors = () => {
      const run = spawnSync(process.execPath, [cli], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      return run.stderr
        .split('\n')
        .filter((l) => l.startsWith(`  ${FILE}: `))
        .map((l) => l.slice(`  ${FILE}: `.length));
    };
    const first = buildErrors();
    expect(first).toContain('title: is a TODO placeholder; write it');
    expect(first).toContain('keyFacts[0].text: is a TODO placeholder; write it');
    // Only the placeholders fail it: the scaffold has the schema's shape.
    expect(first.join('\n')).not.toMatch(/Unrecognized|must|Invalid/);

    // Only the word TODO deleted: each hint is still refused.
    writeFileSync(path, scaffold.replaceAll('TODO: ', ''));
    const hints = buildErrors().filter((l) => l.includes("is the scaffold's hint"));
    expect(hints).toContain('title: is the scaffold\'s hint ("the explainer’s title"), not text; write it');
    expect(hints).toHaveLength(first.filter((l) => l.includes('TODO')).length);

    // Every text written, and nothing else: each remaining placeholder fails, naming its field and the fix.
    writeFileSync(path, scaffold.replace(/TODO: [^"]*/g, 'Written by an editor.'));
    const today = new Date().toISOString().slice(0, 10);
    expect(buildErrors().sort()).toEqual(
      [
        `updatedAt: "1111-11-11T00:00:00Z" is the scaffold's placeholder date; set it to the time you checked the text against its sources, e.g. "${today}T12:00:00Z"`,
        `article.date: "1111-11-11" is the scaffold's placeholder date; write the reported article's date (YYYY-MM-DD)`,
        ...[0, 1, 2].map(
          (i) => `keyFacts[${i}].sources[0]: cites the placeholder id "todo-source"; cite the source by its own id`,
        ),
        'whyItMatters.sources[0]: cites the placeholder id "todo-source"; cite the source by its own id',
        'background[0].id: "todo-card" is a placeholder id; name the card (lowercase letters, digits, hyphens, e.g. "icc-warrant"): a host page\'s #<explainer>-<card> opens it',
        `background[0].asOf: "1111-11-11" is the scaffold's placeholder date; write the day the card's facts are valid for (YYYY-MM-DD), no later than updatedAt`,
        'background[0].sources[0]: cites the placeholder id "todo-source"; cite the source by its own id',
        `timeline[0].date: "1111-11-11" is the scaffold's placeholder date; write the event's date (YYYY, YYYY-MM or YYYY-MM-DD)`,
        'timeline[0].sources[0]: cites the placeholder id "todo-source"; cite the source by its own id',
        'sources[0].id: "todo-source" is a placeholder id; name the source (lowercase letters, digits, hyphens, e.g. "kremlin-talks") and cite it by that id',
        'sources[0].url: "https://example.org/todo" is a placeholder URL (example.org is reserved for examples); give the source\'s own https URL',
        `sources[0].date: "1111-11-11" is the scaffold's placeholder date; write the source's publication date (YYYY, YYYY-MM or YYYY-MM-DD)`,
        `revisions[0].date: "1111-11-11" is the scaffold's placeholder date; write the day of first publication (YYYY-MM-DD), e.g. "${today}", no later than updatedAt`,
      ].sort(),
    );

    // An editor replaces every placeholder: the same file now builds.
    writeFileSync(
      path,
      scaffold
        .replace(/TODO: [^"]*/g, 'Written by an editor.')
        .replaceAll('todo-source', 'kremlin-talks')
        .replaceAll('todo-card', 'the-talks')
        .replace('https://example.org/todo', 'https://www.kremlin.ru/events/president/news/74873')
        .replaceAll('1111-11-11', '2024-08-19'),
    );
    const written = spawnSync(process.execPath, [cli], { cwd: dir, encoding: 'utf8' });
    expect(written.status, written.stderr).toBe(0);
    // It will not overwrite an explainer that exists.
    expect(spawnSync(process.execPath, [newCli, 'my-story'], { cwd: dir, encoding: 'utf8' }).status).toBe(1);
  });

  it('refuses placeholder ids, example URLs and the placeholder date wherever they stand', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'content/putin-baku-2024/en.json'), 'utf8')) as {
      keyFacts: { text: string }[];
      timeline: { date: string }[];
    };
    doc.keyFacts[0]!.text += ' See [the page](https://www.example.com/page).';
    doc.timeline[0]!.date = '1111-11-11';
    const run = runBuild(JSON.stringify(doc));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'content/putin-baku-2024/en.json: keyFacts[0].text: links to "https://www.example.com/page", a placeholder URL (www.example.com is reserved for examples); link the page itself',
    );
    expect(run.stderr).toContain(
      `content/putin-baku-2024/en.json: timeline[0].date: "1111-11-11" is the scaffold's placeholder date; write the event's date`,
    );
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
