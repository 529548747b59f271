/**
 * Typography per language, applied by the build to every prose field (catalogue/build/typography.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../catalogue/build/compile.ts';
import { readContent } from '../../catalogue/build/read.ts';
import { NBSP, typesetText, WORD_JOINER } from '../../catalogue/build/typography.ts';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

describe('typography per language', () => {
  it('English: a day and its month, a month and its year, a number and its unit never part; a range never breaks', () => {
    expect(typesetText('On 18 August 2024, 20 billion cubic metres; 1993–2003.', 'en')).toBe(
      `On 18${NBSP}August${NBSP}2024, 20${NBSP}billion cubic metres; 1993–${WORD_JOINER}2003.`,
    );
  });

  it('Russian: «года», «г.», «млрд», «км» keep to their number; one-letter words to the next; no line starts with a dash', () => {
    expect(typesetText('В Баку 18–19 августа 2024 года и в 2003 г. — 20 млрд и 3500 км', 'ru')).toBe(
      `В${NBSP}Баку 18–${WORD_JOINER}19${NBSP}августа 2024${NBSP}года и${NBSP}в${NBSP}2003${NBSP}г.${NBSP}— 20${NBSP}млрд и${NBSP}3500${NBSP}км`,
    );
  });

  it('leaves other words, ids and URLs alone, and languages it has no rules for get ranges only', () => {
    expect(typesetText('Baku is 3 hours away', 'en')).toBe('Baku is 3 hours away');
    expect(typesetText('18–19 agosto', 'es')).toBe(`18–${WORD_JOINER}19 agosto`);
  });

  it('the build applies it to the compiled editions (and refuses no-break spaces written by hand)', () => {
    const result = compileContent(readContent(ROOT));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { en, ru } = result.content.explainers['putin-baku-2024']!.langs;
    expect(en!.data.title).toContain(`18–${WORD_JOINER}19${NBSP}August`);
    expect(ru!.data.title).toContain(`18–${WORD_JOINER}19${NBSP}августа`);
    expect(en!.body).toContain('\u00a0');
    // Inline runs are set alike, so `text` stays the join of its runs.
    for (const fact of ru!.data.keyFacts)
      expect(fact.runs.map((r) => (r.type === 'cite' ? '' : r.text)).join('')).toBe(fact.text);
    const [file] = readContent(ROOT).filter((f) => f.path.endsWith('/en.json'));
    const handSet = file!.text.replace('"title": "', `"title": "A${NBSP}`);
    const refused = compileContent([{ path: file!.path, text: handSet }]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.join('\n')).toMatch(/title: contains a no-break space; write a plain space/);
  });
});
