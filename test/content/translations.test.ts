/**
 * A translation left behind: the build warns when an edition has no revision on or after the
 * date of the default edition's latest one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../catalogue/build/compile.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const file = (lang: string) => ({
  path: `content/putin-baku-2024/${lang}.json`,
  text: readFileSync(join(ROOT, 'content', 'putin-baku-2024', `${lang}.json`), 'utf8'),
});

describe('a translation left behind', () => {
  it('is named in a warning when the default edition was revised after its latest revision', () => {
    const en = file('en');
    const doc = JSON.parse(en.text) as { updatedAt: string; revisions: { date: string; note: string }[] };
    doc.revisions.push({ date: '2099-01-01', note: 'A later review of the English edition.' });
    doc.updatedAt = '2099-01-01T12:00:00Z';
    const result = compileContent([{ ...en, text: JSON.stringify(doc) }, file('ru')]);
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/^content\/putin-baku-2024\/ru\.json: revisions: the en edition was revised on 2099-01-01/),
    );
  });

  it('is not warned about while its revisions keep up', () => {
    const result = compileContent([file('en'), file('ru')]);
    expect(result.warnings.filter((w) => w.includes('was revised on'))).toEqual([]);
  });
});
