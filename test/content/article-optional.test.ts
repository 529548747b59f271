/**
 * `article` is optional (issue 15): an explainer need not follow one article. Without it the
 * edition validates, unless it still lists `corrections` (errors of the reported article): the
 * build then names the file, the field and the fix. The scaffold's article can be deleted, and
 * the API's description says the field may be absent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../catalogue/build/compile.ts';
import { buildSchemas } from '../../catalogue/build/openapi.ts';
import type { ExplainerInput } from '../../catalogue/schema.ts';
import { bundleCli, copyProject, ROOT, runCli } from './project.ts';

const EN = 'content/putin-baku-2024/en.json';
const real = () => JSON.parse(readFileSync(join(ROOT, EN), 'utf8')) as ExplainerInput;
const compile = (doc: ExplainerInput) => compileContent([{ path: EN, text: JSON.stringify(doc) }]);
const problems = (doc: ExplainerInput) => {
  const result = compile(doc);
  return result.ok ? [] : result.errors;
};

describe('`article` optional', () => {
  it('the edition without `article` (and so without corrections) validates and is served without it', () => {
    const { article, ...doc } = real();
    expect(article).toBeDefined();
    doc.corrections = [];
    // The sources only the corrections cited go with them (every listed source must be cited).
    const rest = JSON.stringify({ ...doc, sources: [] });
    doc.sources = doc.sources.filter((s) => rest.includes(`"${s.id}"`) || rest.includes(`[^${s.id}]`));
    const result = compile(doc);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const served = JSON.parse(result.content.explainers['putin-baku-2024']!.langs.en!.body) as Record<string, unknown>;
    expect(served).not.toHaveProperty('article');
    expect(served.corrections).toEqual([]);
  });

  it('refuses corrections without `article`, naming the file, the field and the fix', () => {
    const { article, ...doc } = real();
    expect(article).toBeDefined();
    expect(doc.corrections.length).toBeGreaterThan(0);
    expect(problems(doc)).toEqual([
      `${EN}: corrections: correct a reported article, but the edition has no "article": add "article" (the reported story: "title", "publisher", "date") or empty "corrections" (an error in the explainer itself goes in "revisions")`,
    ]);
  });

  it('still checks an article that is there: corrections with it validate, a broken one fails', () => {
    expect(problems(real())).toEqual([]);
    const doc = real();
    doc.article!.date = '19 August 2024';
    expect(problems(doc)).toEqual([`${EN}: article.date: must be a date, YYYY-MM-DD`]);
  });

  it('is described in the API as optional, absent when the explainer follows no single article', () => {
    const explainer = buildSchemas().Explainer as {
      required: string[];
      properties: Record<string, { description?: string }>;
    };
    expect(explainer.required).not.toContain('article');
    expect(explainer.required).toContain('corrections');
    expect(explainer.properties.article?.description).toMatch(/Absent when the explainer follows no single article/);
    expect(explainer.properties.corrections?.description).toMatch(/empty when there is no `article`/);
  });
});

describe('the scaffold’s article (npm run new)', () => {
  const project = copyProject('article-optional-');
  const { dir } = project;
  let newCli = '';
  let buildCli = '';
  beforeAll(async () => {
    newCli = await bundleCli('new-cli', dir);
    buildCli = await bundleCli('cli', dir);
  });
  afterAll(project.remove);

  it('is written with placeholders the build refuses, and may be deleted instead, as the newsroom guide says', () => {
    const made = runCli(newCli, dir, ['my-story']);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('delete "article" if the explainer follows no single article');
    const path = join(dir, 'content', 'my-story', 'en.json');
    const scaffold = JSON.parse(readFileSync(path, 'utf8')) as ExplainerInput;
    expect(scaffold.article).toBeDefined();
    const articleErrors = () => {
      const run = runCli(buildCli, dir);
      expect(run.status).toBe(1);
      return run.stderr.split('\n').filter((l) => l.startsWith('  content/my-story/en.json: article'));
    };
    expect(articleErrors()).toEqual([
      '  content/my-story/en.json: article.title: is a TODO placeholder; write it',
      '  content/my-story/en.json: article.publisher: is a TODO placeholder; write it',
      `  content/my-story/en.json: article.date: "1111-11-11" is the scaffold's placeholder date; write the reported article's date (YYYY-MM-DD)`,
    ]);
    // Deleted, as for an explainer that follows no single article: nothing left to fix there.
    const { article: _article, ...without } = scaffold;
    writeFileSync(path, JSON.stringify(without, null, 2));
    expect(articleErrors()).toEqual([]);

    const guide = readFileSync(join(ROOT, 'docs', 'newsroom.md'), 'utf8');
    expect(guide).toMatch(/delete the whole `"article"`\s+object/);
  }, 60_000);
});
