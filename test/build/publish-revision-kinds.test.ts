/**
 * Publishing changed text requires a correction or an update (issue 15): revisions have a kind,
 * `correction` (readers were told something wrong), `update` (facts added or changed) or
 * `review` (checked, nothing changed for readers: the date only). A changed text whose new
 * revision entries are only reviews is refused, naming the file, the field and the fix; a review
 * of an unchanged text publishes. Checked on the plan, then with the real CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent, type ContentFile } from '../../catalogue/build/compile.ts';
import { kvEntries, planPublish, type KvEntry } from '../../catalogue/build/kv-entries.ts';
import type { ExplainerInput } from '../../catalogue/schema.ts';
import { bundleCli, copyProject, ROOT, runCli } from '../content/project.ts';

const EN = 'content/putin-baku-2024/en.json';
const RU = 'content/putin-baku-2024/ru.json';
const EN_KEY = 'explainer:putin-baku-2024:en';
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as ExplainerInput;
const file = (path: string, doc: ExplainerInput): ContentFile => ({ path, text: JSON.stringify(doc) });

function entriesOf(files: ContentFile[]): KvEntry[] {
  const result = compileContent(files);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return kvEntries(result.content);
}

const published = entriesOf([file(EN, read(EN)), file(RU, read(RU))]);
const stored = published.map((e) => ({ name: e.key, metadata: e.metadata }));

const REVIEW_ONLY = `${EN}: revisions: the text changed since the published version but the new entries are only "review": add an entry with "kind": "update" (facts added or changed) or "correction" (readers were told something wrong)`;

type Kind = 'correction' | 'update' | 'review' | undefined;

/**
 * The English edition reviewed an hour after its last review, its text changed or not, with one
 * new revision entry of each kind given (`undefined`: an entry without a kind).
 */
function edition({ changeText, kinds }: { changeText: boolean; kinds: Kind[] }): ExplainerInput {
  const doc = read(EN);
  doc.updatedAt = new Date(Date.parse(doc.updatedAt) + 3_600_000).toISOString().replace('.000Z', 'Z');
  if (changeText) {
    const before = doc.keyFacts[0]!.text;
    doc.keyFacts[0]!.text = before.replace('evening', 'late evening');
    expect(doc.keyFacts[0]!.text).not.toBe(before);
  }
  const day = doc.updatedAt.slice(0, 10);
  for (const kind of kinds)
    doc.revisions.push({ date: day, note: `A ${kind ?? 'kindless'} entry.`, ...(kind ? { kind } : {}) });
  return doc;
}

const plan = (doc: ExplainerInput) => planPublish(entriesOf([file(EN, doc), file(RU, read(RU))]), stored);
const putKeys = (doc: ExplainerInput) =>
  plan(doc)
    .put.map((e) => e.key)
    .sort();

describe('publishing changed text requires a correction or an update', () => {
  it('refuses changed text whose new entries are only "review", naming the file, the field and the fix', () => {
    for (const kinds of [['review'], ['review', 'review']] as Kind[][]) {
      const refused = plan(edition({ changeText: true, kinds }));
      expect(refused.errors, kinds.join()).toEqual([REVIEW_ONLY]);
      expect(refused.put.map((e) => e.key)).not.toContain(EN_KEY);
    }
  });

  it('publishes changed text with an "update" or a "correction" among the new entries', () => {
    for (const kinds of [['update'], ['correction'], ['review', 'update'], ['correction', 'review']] as Kind[][]) {
      const allowed = plan(edition({ changeText: true, kinds }));
      expect(allowed.errors, kinds.join()).toEqual([]);
      expect(allowed.put.map((e) => e.key).sort(), kinds.join()).toEqual([EN_KEY, 'index']);
    }
  });

  it('counts a new entry without a kind as a correction, as the schema says', () => {
    expect(plan(edition({ changeText: true, kinds: [undefined] })).errors).toEqual([]);
  });

  it('still refuses changed text with no new entry at all', () => {
    expect(plan(edition({ changeText: true, kinds: [] })).errors).toEqual([
      `${EN}: revisions: the text changed since it was published; add a revision entry ({ "date", "note", "kind": "update" or "correction" }) saying what changed`,
    ]);
  });

  it('publishes a "review" of an unchanged text: only the review date and the log move', () => {
    const reviewed = edition({ changeText: false, kinds: ['review'] });
    expect(plan(reviewed).errors).toEqual([]);
    expect(putKeys(reviewed)).toEqual([EN_KEY, 'index']);
    const served = JSON.parse(plan(reviewed).put.find((e) => e.key === EN_KEY)!.value) as ExplainerInput;
    expect(served.updatedAt).toBe(reviewed.updatedAt);
    expect(served.revisions.at(-1)).toMatchObject({ kind: 'review' });
  });

  it('looks only at the entries added since the published version, not at earlier updates', () => {
    // The published log already ends with an "update": a new "review" alone does not cover new text.
    expect(read(EN).revisions.at(-1)?.kind).toBe('update');
    expect(plan(edition({ changeText: true, kinds: ['review'] })).errors).toEqual([REVIEW_ONLY]);
  });

  it('counts what readers see as the text: a source title or a card date changed needs an update too', () => {
    const source = edition({ changeText: false, kinds: ['review'] });
    source.sources[0]!.title = `${source.sources[0]!.title} (video)`;
    expect(plan(source).errors).toEqual([REVIEW_ONLY]);
    const card = edition({ changeText: false, kinds: ['review'] });
    const asOf = card.background[0]!.asOf;
    card.background[0]!.asOf = asOf === '2024-08-20' ? '2024-08-21' : '2024-08-20';
    expect(plan(card).errors).toEqual([REVIEW_ONLY]);
  });
});

describe('npm run content:publish refuses a review-only publish of changed text (the real CLI)', () => {
  const project = copyProject('revision-kinds-');
  const { dir } = project;
  let publish = '';
  beforeAll(async () => {
    publish = await bundleCli('publish-cli', dir);
  });
  afterAll(project.remove);
  const run = (...args: string[]) => runCli(publish, dir, ['--persist-to', join(dir, 'state'), ...args]);

  it('refuses with the fix, writes nothing, then publishes once the entry is an "update"', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const path = join(dir, EN);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as ExplainerInput;
    const now = new Date();
    doc.keyFacts[0]!.text = doc.keyFacts[0]!.text.replace('evening', 'late evening');
    doc.updatedAt = `${now.toISOString().slice(0, 19)}Z`;
    doc.revisions.push({ date: now.toISOString().slice(0, 10), note: 'Checked against the sources.', kind: 'review' });
    writeFileSync(path, JSON.stringify(doc, null, 2));

    for (const args of [['--dry-run'], []]) {
      const refused = run(...args);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('content:publish: not published, 1 problem(s):');
      expect(refused.stderr).toContain(`  ${REVIEW_ONLY}\n`);
    }
    expect(run('--dry-run').stdout).not.toContain('up to date');

    doc.revisions.at(-1)!.kind = 'update';
    doc.revisions.at(-1)!.note = 'Gave the time of arrival.';
    writeFileSync(path, JSON.stringify(doc, null, 2));
    const published = run();
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('content:publish: 2 put, 0 deleted in local KV');
    expect(run('--dry-run').stdout).toContain('local KV is up to date');
  }, 90_000);
});
