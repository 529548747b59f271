/**
 * Publishing without a deploy: what `content:publish` writes for a correction, a deletion and
 * a change without a revision entry (the plan), what changed field by field and word by word,
 * which URLs a publish makes stale, and what its dry run prints (the real CLI).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { wranglerEnv } from '../../tools/worker.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batches,
  editionChanges,
  kvEntries,
  planPublish,
  purgeUrls,
  wordDiff,
  type KvEntry,
} from '../../catalogue/build/kv-entries.ts';
import { compileContent, type ContentFile } from '../../catalogue/build/compile.ts';
import { readContent } from '../../catalogue/build/read.ts';
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
/** The day the edition was last reviewed: a revision entry dated then is valid, whatever the content's dates. */
const reviewDay = (doc: ExplainerInput) => doc.updatedAt.slice(0, 10);
const published = entriesOf([file(EN, read(EN)), file(RU, read(RU))]);
const stored = published.map((e) => ({ name: e.key, metadata: e.metadata }));

describe('content:publish plans only what changed', () => {
  it('writes nothing when nothing changed', () => {
    expect(planPublish(published, stored)).toEqual({ put: [], delete: [], errors: [] });
  });

  it("a correction with a revision entry changes that edition's key and the index, nothing else", () => {
    const corrected = read(EN);
    corrected.keyFacts[0]!.text = corrected.keyFacts[0]!.text.replace('evening', 'late evening');
    corrected.revisions.push({ date: reviewDay(corrected), note: 'Corrected the time of arrival.' });
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
      'content/putin-baku-2024/en.json: revisions: the text changed since it was published; add a revision entry ({ "date", "note", "kind": "update" or "correction" }) saying what changed',
    ]);
  });

  it('a new review date alone needs no revision entry', () => {
    const reviewed = read(EN);
    reviewed.updatedAt = new Date(Date.parse(reviewed.updatedAt) + 3_600_000).toISOString();
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

describe('what changed, field by field and word by word (the dry run)', () => {
  it('marks removed words [-…-] and added words {+…+}, with a few words of context', () => {
    expect(
      wordDiff(
        'Putin arrived on the evening of Sunday 18 August',
        'Putin arrived on the late evening of Sunday 18 August',
      ),
    ).toBe('… arrived on the {+late+} evening of Sunday …');
    expect(wordDiff('one two three', 'one four three')).toBe('one [-two-]{+four+} three');
    expect(wordDiff('a b c d e f g h i j k l m n', 'A b c d e f g h i j k l m N')).toBe(
      '[-a-]{+A+} b c d … k l m [-n-]{+N+}',
    );
  });

  it('stays short for a long text: a change in a long paragraph shows only its neighbourhood', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const changed = words.map((w) => (w === 'w150' ? 'changed' : w));
    expect(wordDiff(words.join(' '), changed.join(' '))).toBe('… w147 w148 w149 [-w150-]{+changed+} w151 w152 w153 …');
  });

  it('reads typeset text as words: no-break spaces and joiners are not changes', () => {
    expect(wordDiff('18\u00a0August, 18–\u206019', '18 August, 18–19')).toBe('(spacing only)');
  });

  it('names each changed field by its path in the file, with the words that changed', () => {
    const entries = (doc: ExplainerInput) =>
      entriesOf([file(EN, doc)]).find((e) => e.key === 'explainer:putin-baku-2024:en')!.value;
    const before = read(EN);
    const after = read(EN);
    after.keyFacts[2]!.text = after.keyFacts[2]!.text.replace(/^(\S+ \S+)/, '$1 *really*');
    after.whyItMatters.body[1] = `${after.whyItMatters.body[1]!} It is a [test](https://www.icc-cpi.int/).`;
    after.revisions.push({ date: reviewDay(after), note: 'Clarified two sentences.', approvedBy: 'The duty editor' });
    const n = after.revisions.length - 1;
    const changes = editionChanges(JSON.parse(entries(before)), JSON.parse(entries(after)));
    expect(changes.map((c) => c.path)).toEqual([
      'keyFacts[2].text',
      'whyItMatters.body[1]',
      `revisions[${n}].date`,
      `revisions[${n}].note`,
      `revisions[${n}].approvedBy`,
    ]);
    const [fact, why, , note, approvedBy] = changes;
    expect(fact!.diff).toMatch(/^\S+ \S+ \{\+\*really\*\+\} \S+/);
    expect(why!.diff).toMatch(/^… .* \{\+It is a \[test\]\(https:\/\/www\.icc-cpi\.int\/\)\.\+\}$/);
    expect(note!.diff).toBe('{+Clarified two sentences.+}');
    expect(approvedBy!.diff).toBe('{+The duty editor+}');
  });
  it('matches list items by id or content: an added event or a removed fact is listed alone', () => {
    const served = (doc: ExplainerInput) =>
      JSON.parse(entriesOf([file(EN, doc)]).find((e) => e.key === 'explainer:putin-baku-2024:en')!.value) as unknown;
    const before = read(EN);
    const after = read(EN);
    const [first, second] = after.timeline;
    after.timeline.splice(1, 0, {
      date: first!.date,
      text: 'An event added between the first two.',
      sources: second!.sources,
    });
    const removed = after.keyFacts.splice(1, 1)[0]!;
    // A source's title edited and moved to the end: matched by id, its title and the new order listed.
    after.sources[0]!.title = `${after.sources[0]!.title} (updated)`;
    after.sources.push(after.sources.shift()!);
    const changes = editionChanges(served(before), served(after));
    expect(changes.map((c) => c.path)).toEqual([
      'keyFacts[1].text (removed)',
      'keyFacts[1].sources (removed)',
      'timeline[1].date',
      'timeline[1].text',
      'timeline[1].sources',
      'sources (order)',
      `sources[${after.sources.length - 1}].title`,
    ]);
    expect(changes[0]!.diff).toBe(`[-${removed.text}-]`);
    expect(changes[3]!.diff).toBe('{+An event added between the first two.+}');
    const moved = before.sources[0]!.id;
    expect(changes[5]!.diff).toMatch(new RegExp(`^\\[-${moved}-\\] .* \\{\\+${moved}\\+\\}$`));
    expect(changes[6]!.diff).toMatch(/ \{\+\(updated\)\+\}$/);
  });
});

describe('the URLs a publish makes stale (purged from the cache)', () => {
  const ORIGIN = 'https://explainers.example.com';
  const pages = (id: string, langs: string[]) =>
    [`/v1/explainers/${id}`, `/explainers/${id}`, `/explainers/${id}/snippet`].flatMap((path) => [
      `${ORIGIN}${path}`,
      ...langs.map((lang) => `${ORIGIN}${path}?lang=${lang}`),
    ]);

  it("a correction of one edition: the explainer's JSON, page and snippet in every edition, and the index", () => {
    const corrected = read(EN);
    corrected.keyFacts[0]!.text = corrected.keyFacts[0]!.text.replace('Baku', 'Baku,');
    corrected.revisions.push({ date: reviewDay(corrected), note: 'Punctuation.' });
    const entries = entriesOf([file(EN, corrected), file(RU, read(RU))]);
    expect(purgeUrls(planPublish(entries, stored), entries, `${ORIGIN}/`)).toEqual([
      ...pages('putin-baku-2024', ['en', 'ru']),
      `${ORIGIN}/v1/explainers`,
    ]);
  });

  it('a deleted edition is purged too; a plan without content changes purges nothing', () => {
    const entries = entriesOf([file(EN, read(EN))]);
    expect(purgeUrls(planPublish(entries, stored), entries, ORIGIN)).toEqual([
      ...pages('putin-baku-2024', ['en', 'ru']),
      `${ORIGIN}/v1/explainers`,
    ]);
    const release = { key: 'widget:1234567890abcdef', value: '/* */', metadata: { etag: '"1234567890abcdef"' } };
    expect(purgeUrls(planPublish([...published, release], stored), published, ORIGIN)).toEqual([]);
  });

  it('batches of at most 30, as the purge API takes them', () => {
    const urls = Array.from({ length: 65 }, (_, i) => `${ORIGIN}/${i}`);
    expect(batches(urls, 30).map((b) => b.length)).toEqual([30, 30, 5]);
    expect(batches(urls, 30).flat()).toEqual(urls);
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
    // Every catalogue key, however many explainers content/ holds, and this release's widget build.
    const compiled = compileContent(readContent(dir));
    if (!compiled.ok) throw new Error(compiled.errors.join('\n'));
    expect(first.stdout).toContain(`${kvEntries(compiled.content).length + 1} put, 0 deleted in local KV`);
    expect(run('--dry-run').stdout).toContain('local KV is up to date');

    const path = join(dir, EN);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as ExplainerInput;
    doc.summary = `${doc.summary} `.trim() + ' ';
    doc.revisions.push({ date: reviewDay(doc), note: 'Corrected the summary.', approvedBy: 'Duty editor' });
    doc.summary = doc.summary.replace('two days', 'two full days');
    writeFileSync(path, JSON.stringify(doc));
    const dry = run('--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    const lines = dry.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('would'))).toEqual([
      'would put    explainer:putin-baku-2024:en',
      'would put    index',
    ]);
    // Under the edition: each changed field, with its words, and who approved the revision.
    const n = doc.revisions.length - 1;
    const edition = lines.slice(
      lines.indexOf('would put    explainer:putin-baku-2024:en') + 1,
      lines.indexOf('would put    index'),
    );
    expect(edition[0]).toBe('  content/putin-baku-2024/en.json: 4 field(s) changed');
    expect(edition[1]).toMatch(/^ {4}summary: (… )?.*two \{\+full\+\} days .*…$/);
    expect(edition.slice(2)).toEqual([
      `    revisions[${n}].date: {+${reviewDay(doc)}+}`,
      `    revisions[${n}].note: {+Corrected the summary.+}`,
      `    revisions[${n}].approvedBy: {+Duty editor+}`,
    ]);
    // The dry run wrote nothing: the same plan again.
    expect(run('--dry-run').stdout).toContain('would put    index');
  }, 60_000);
});
