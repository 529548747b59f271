import { describe, expect, it } from 'vitest';
import { formatDate } from '../../ui/format.ts';
import { en } from '../../ui/strings/en.ts';
import { ru } from '../../ui/strings/ru.ts';
import { count, fill } from '../../ui/strings/fill.ts';

describe("the widget's strings: plural forms, dates and templates per language", () => {
  it('fill slots and pick plural forms by the language’s rule', () => {
    expect(fill(en.source, { n: 3, publisher: 'RFE/RL', date: '19 August 2024' })).toBe(
      'Source 3: RFE/RL, 19 August 2024',
    );
    expect([1, 2, 10].map((n) => count(en, en.nSources, n))).toEqual(['1 source', '2 sources', '10 sources']);
    expect([1, 2, 5, 11, 12, 21, 22, 25, 101].map((n) => count(ru, ru.nSources, n))).toEqual([
      '1 источник',
      '2 источника',
      '5 источников',
      '11 источников',
      '12 источников',
      '21 источник',
      '22 источника',
      '25 источников',
      '101 источник',
    ]);
    // "Show all" in every plural form, «все» included in the form for 1, 21, 31…
    expect([21, 3, 8].map((n) => count(ru, ru.allFacts, n))).toEqual([
      'Показать все 21 ключевой факт',
      'Показать все 3 ключевых факта',
      'Показать все 8 ключевых фактов',
    ]);
  });

  it('write dates as each language does, whatever the reader’s time zone', () => {
    expect(formatDate('2024-08-18', en)).toBe('18 August 2024');
    expect(formatDate('2024-08', en)).toBe('August 2024');
    expect(formatDate('2024', en)).toBe('2024');
    expect(formatDate('2024-08-18', ru)).toBe('18 августа 2024 г.');
    expect(formatDate('2024-08', ru)).toBe('август 2024 г.');
    expect(formatDate('2026-11-30T12:00:00Z', ru)).toBe('30 ноября 2026 г.');
  });

  it('every language has every word English has', () => {
    for (const [key, value] of Object.entries(en))
      expect(typeof (ru as Record<string, unknown>)[key], key).toBe(Array.isArray(value) ? 'object' : 'string');
  });
});
