/**
 * The catalogue grows: with a second explainer beside the ones content/ holds, the content build
 * and `content:publish` both succeed and count it (no test may assume how many there are).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExplainerInput } from '../../catalogue/schema.ts';
import { bundleCli, copyProject, explainerIds, runCli } from './project.ts';

describe('a second explainer', () => {
  const project = copyProject('second-');
  const { dir } = project;
  afterAll(project.remove);

  it('builds and publishes beside the others, and the publish plan counts it', async () => {
    const before = explainerIds(dir);
    // A copy of the first explainer under another id, its titles changed.
    cpSync(join(dir, 'content', 'putin-baku-2024'), join(dir, 'content', 'second-story'), { recursive: true });
    for (const lang of ['en', 'ru']) {
      const path = join(dir, 'content', 'second-story', `${lang}.json`);
      const doc = JSON.parse(readFileSync(path, 'utf8')) as ExplainerInput;
      doc.id = 'second-story';
      doc.title = `${lang === 'en' ? 'Second story' : 'Второй сюжет'}: ${doc.title}`.slice(0, 120);
      writeFileSync(path, JSON.stringify(doc, null, 2));
    }

    const built = runCli(await bundleCli('cli', dir), dir);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toContain(`compiled ${before.length + 1} explainer(s)`);
    const entries = JSON.parse(readFileSync(join(dir, 'generated', 'kv.json'), 'utf8')) as {
      key: string;
      value: string;
    }[];
    const index = JSON.parse(entries.find((e) => e.key === 'index')!.value) as { id: string }[];
    expect(index.map((e) => e.id).sort()).toEqual([...before, 'second-story'].sort());

    const publish = await bundleCli('publish-cli', dir);
    const state = join(dir, 'state');
    const published = runCli(publish, dir, ['--persist-to', state]);
    expect(published.status, published.stderr).toBe(0);
    for (const key of ['explainer:second-story:en', 'explainer:second-story:ru', 'explainer:second-story'])
      expect(published.stdout).toContain(`put    ${key}\n`);
    // Every key of the catalogue the build prepared, and this release's widget build.
    expect(published.stdout).toContain(`content:publish: ${entries.length + 1} put, 0 deleted in local KV`);
    expect(runCli(publish, dir, ['--persist-to', state, '--dry-run']).stdout).toContain('local KV is up to date');
  }, 90_000);
});
