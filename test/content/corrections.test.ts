/**
 * A correction as a newsroom runs it (docs/newsroom.md, "Correcting a published explainer"):
 * the steps, followed literally on a copy of the real content, publish; a revision later than
 * `updatedAt` is refused with the exact fix; a revision may name who approved it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../catalogue/build/compile.ts';
import type { ExplainerInput } from '../../catalogue/schema.ts';
import { bundleCli, copyProject, ROOT, runCli } from './project.ts';

const EN = 'content/putin-baku-2024/en.json';
const real = () => JSON.parse(readFileSync(join(ROOT, EN), 'utf8')) as ExplainerInput;
const problems = (doc: ExplainerInput) => {
  const result = compileContent([{ path: EN, text: JSON.stringify(doc) }]);
  return result.ok ? [] : result.errors;
};

describe('the revision log', () => {
  it('refuses a revision later than updatedAt, naming the value to set', () => {
    const doc = real();
    // Reviewed on the day of the latest revision; a new revision the day after.
    const last = doc.revisions.at(-1)!.date;
    const next = new Date(Date.parse(last) + 86_400_000).toISOString().slice(0, 10);
    doc.updatedAt = `${last}T12:00:00Z`;
    doc.revisions.push({ date: next, note: 'Corrected the time of arrival.' });
    expect(problems(doc)).toContain(
      `${EN}: revisions[${doc.revisions.length - 1}].date: is later than updatedAt (${last}): set "updatedAt" to "${next}T12:00:00Z" (the revision's day) or later, the time you checked the text against its sources`,
    );
  });

  it('takes who approved a revision, as plain text of at most 100 characters', () => {
    const doc = real();
    doc.revisions.push({ date: doc.updatedAt.slice(0, 10), note: 'Corrected a date.', approvedBy: 'Anna Petrova' });
    expect(problems(doc)).toEqual([]);
    doc.revisions.at(-1)!.approvedBy = 'x'.repeat(101);
    expect(problems(doc)).toContain(
      `${EN}: revisions[${doc.revisions.length - 1}].approvedBy: must be at most 100 characters`,
    );
  });
});

describe('the documented correction steps, followed literally, publish', () => {
  const project = copyProject('correction-');
  const { dir } = project;
  let publish = '';
  let buildCli = '';
  beforeAll(async () => {
    publish = await bundleCli('publish-cli', dir);
    buildCli = await bundleCli('cli', dir);
  });
  afterAll(project.remove);
  const run = (...args: string[]) => runCli(publish, dir, ['--persist-to', join(dir, 'state'), ...args]);
  /** The edition as it was before the correction (what `git checkout <commit> --` brings back). */
  let original = '';

  it('says to set updatedAt, add the revision, dry-run and publish', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'newsroom.md'), 'utf8');
    const steps = docs.slice(docs.indexOf('## Correcting a published explainer'));
    for (const step of [
      '"revisions"',
      '"date"',
      '"note"',
      '"kind": "correction"',
      '"approvedBy"',
      '"updatedAt"',
      'npm run build',
      'npm run content:publish -- --dry-run',
      'npm run content:publish\n',
      'npm run content:publish -- --remote',
    ])
      expect(steps, step).toContain(step);
  });

  it('an edited sentence, a revision entry and updatedAt set as the steps say: published', () => {
    // The explainer as published before the correction.
    const first = run();
    expect(first.status, first.stderr).toBe(0);

    // 1. Fix the text.
    const path = join(dir, EN);
    original = readFileSync(path, 'utf8');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as ExplainerInput;
    const before = doc.updatedAt;
    doc.keyFacts[0]!.text = doc.keyFacts[0]!.text.replace(/\.$/, ', its press service said.');
    // 2. Add a revision entry: today's date, what changed, its kind, who approved it.
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    doc.revisions.push({
      date: today,
      note: 'Attributed the time of arrival.',
      kind: 'correction',
      approvedBy: 'Duty editor',
    });
    const n = doc.revisions.length - 1;
    writeFileSync(path, JSON.stringify(doc, null, 2));
    // Forgetting updatedAt (the steps' third point) is refused with the exact fix.
    if (today > before.slice(0, 10)) {
      const refused = run('--dry-run');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(
        `${EN}: revisions[${n}].date: is later than updatedAt (${before.slice(0, 10)}): set "updatedAt" to "${today}${before.slice(10)}" (the revision's day) or later`,
      );
    }
    // 3. Set updatedAt to now: when the text was checked against its sources.
    doc.updatedAt = `${now.toISOString().slice(0, 19)}Z`;
    writeFileSync(path, JSON.stringify(doc, null, 2));

    // npm run build
    const built = runCli(buildCli, dir);
    expect(built.status, built.stderr).toBe(0);
    // npm run content:publish -- --dry-run: the changed fields, word by word, who approved it.
    const dry = run('--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('would put    explainer:putin-baku-2024:en\n');
    expect(dry.stdout).toMatch(/^ {4}keyFacts\[0\]\.text: .*\[-\S+-\]\{\+\S+ its press service said\.\+\}$/m);
    expect(dry.stdout).toContain(`    updatedAt: [-${before}-]{+${doc.updatedAt}+}`);
    expect(dry.stdout).toContain(`    revisions[${n}].approvedBy: {+Duty editor+}`);
    // npm run content:publish
    const published = run();
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('put    explainer:putin-baku-2024:en\n');
    expect(published.stdout).toContain('content:publish: 2 put, 0 deleted in local KV');
    expect(run('--dry-run').stdout).toContain('local KV is up to date');
  }, 90_000);

  it('rolls back as the steps say: the previous files, the log kept and one more entry, updatedAt now', () => {
    expect(original).not.toBe('');
    const path = join(dir, EN);
    const corrected = JSON.parse(readFileSync(path, 'utf8')) as ExplainerInput;
    // git checkout <commit> -- content/putin-baku-2024: the files as they were.
    writeFileSync(path, original);
    // The log lost an entry: refused like any change without one.
    const refused = run('--dry-run');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${EN}: revisions: the text changed since it was published`);
    // The removed entries put back, one more saying so, updatedAt now.
    const doc = JSON.parse(original) as ExplainerInput;
    const now = new Date();
    doc.revisions = [
      ...corrected.revisions,
      {
        date: now.toISOString().slice(0, 10),
        note: 'Rolled back the attribution of the time of arrival.',
        kind: 'correction',
      },
    ];
    doc.updatedAt = `${now.toISOString().slice(0, 19)}Z`;
    writeFileSync(path, JSON.stringify(doc, null, 2));
    const dry = run('--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^ {4}keyFacts\[0\]\.text: .*\[-\S+ its press service said\.-\]\{\+\S+\+\}$/m);
    const published = run();
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('content:publish: 2 put, 0 deleted in local KV');
  }, 90_000);
});
