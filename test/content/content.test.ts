import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, formatPath, type ContentFile } from '../../content/build/compile.ts';
import type { ExplainerInput } from '../../content/schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PATH = 'content/putin-baku-2024/en.json';
const realText = readFileSync(join(ROOT, PATH), 'utf8');
const real = (): ExplainerInput => JSON.parse(realText) as ExplainerInput;

function allContentFiles(): ContentFile[] {
  const dir = join(ROOT, 'content');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'build')
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ path: `content/${d.name}/${f}`, text: readFileSync(join(dir, d.name, f), 'utf8') })),
    );
}

/** Compiles one modified copy of the real explainer and returns the error lines. */
function errorsFor(mutate: (doc: ExplainerInput) => void, path = PATH): string[] {
  const doc = real();
  mutate(doc);
  const result = compileContent([{ path, text: JSON.stringify(doc) }]);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('the real content', () => {
  it('passes validation and compiles', () => {
    const result = compileContent(allContentFiles());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(Object.keys(result.content.explainers)).toContain('putin-baku-2024');
  });

  it('gives each document a strong ETag over its exact bytes', () => {
    const result = compileContent(allContentFiles());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const doc = result.content.explainers['putin-baku-2024']!.langs.en!;
    expect(doc.etag).toMatch(/^"[\w-]{27}"$/);
    expect(JSON.parse(doc.body)).toEqual(doc.data);
  });

  it('has what the brief asks for: 5–8 key facts, the required cards, corrections', () => {
    const doc = real();
    expect(doc.keyFacts.length).toBeGreaterThanOrEqual(5);
    expect(doc.keyFacts.length).toBeLessThanOrEqual(8);
    const titles = doc.background.map((c) => c.title).join(' | ');
    for (const topic of [
      'International Criminal Court',
      'COP29',
      'Nagorno-Karabakh',
      'gas',
      'Heydar Aliyev',
      'alliance',
      'Kursk',
    ])
      expect(titles).toContain(topic);
    expect(doc.corrections.map((c) => c.text).join(' ')).toContain('AZERTAC');
  });

  it('links only https sources and never a mirror the fact sheet warns about', () => {
    for (const s of real().sources) {
      expect(s.url.startsWith('https://'), s.id).toBe(true);
      expect(s.url).not.toMatch(/investorshub|cobabikin|austriaweekly|lfwp\.net|kurs\.com\.ua/);
    }
  });

  it('dates the visit correctly', () => {
    const doc = real();
    expect(doc.timeline.map((e) => e.date)).toEqual(expect.arrayContaining(['2024-08-18', '2024-08-19']));
    expect(doc.title).toContain('18–19 August 2024');
  });
});

describe('broken content fails the build naming file, field and problem', () => {
  it('a missing required field', () => {
    const errors = errorsFor((d) => delete (d as Partial<ExplainerInput>).summary);
    expect(errors).toContainEqual(expect.stringMatching(/^content\/putin-baku-2024\/en\.json: summary: /));
  });

  it('a citation of an unknown source', () => {
    const errors = errorsFor((d) => (d.keyFacts[2]!.sources = ['no-such-source']));
    expect(errors).toContain(`${PATH}: keyFacts[2].sources[0]: cites unknown source id "no-such-source"`);
  });

  it('a source that nothing cites', () => {
    const errors = errorsFor((d) =>
      d.sources.push({ id: 'orphan', title: 'T', publisher: 'P', url: 'https://example.org/', date: '2024' }),
    );
    expect(errors).toContain(`${PATH}: sources[${real().sources.length}].id: source "orphan" is never cited`);
  });

  it('a key fact without sources', () => {
    const errors = errorsFor((d) => (d.keyFacts[0]!.sources = []));
    expect(errors).toContain(`${PATH}: keyFacts[0].sources: must cite at least one source id`);
  });

  it('a non-https source URL', () => {
    const errors = errorsFor((d) => (d.sources[0]!.url = 'http://example.org/'));
    expect(errors).toContain(`${PATH}: sources[0].url: must be an absolute https: URL`);
  });

  it('a javascript: link in text', () => {
    const errors = errorsFor((d) => (d.keyFacts[1]!.text = 'See [this](javascript:alert(1)) now.'));
    expect(errors.join('\n')).toMatch(/keyFacts\[1\]\.text: link "this" must use an https: URL/);
  });

  it('unbalanced inline markup', () => {
    const errors = errorsFor((d) => (d.whyItMatters.body[0] = 'An *unclosed emphasis.'));
    expect(errors.join('\n')).toMatch(/whyItMatters\.body\[0\]: unbalanced markup/);
  });

  it('a malformed date', () => {
    const errors = errorsFor((d) => (d.timeline[0]!.date = '18 Aug 2024'));
    expect(errors).toContain(`${PATH}: timeline[0].date: must be YYYY, YYYY-MM or YYYY-MM-DD`);
  });

  it('a timeline out of order', () => {
    const errors = errorsFor((d) => d.timeline.push({ date: '2001-01-01', text: 'Late.', sources: ['rferl-arrival'] }));
    expect(errors.join('\n')).toMatch(/timeline\[\d+\]\.date: is earlier than the event before it/);
  });

  it('duplicate card ids', () => {
    const errors = errorsFor((d) => d.background.push({ ...d.background[0]! }));
    expect(errors.join('\n')).toMatch(/background\[\d+\]\.id: duplicate card id "icc-warrant"/);
  });

  it('an unknown field (a typo)', () => {
    const errors = errorsFor((d) => Object.assign(d.keyFacts[0]!, { soruces: ['x'] }));
    expect(errors.join('\n')).toMatch(/keyFacts\[0\]: Unrecognized key: "soruces"/);
  });

  it('too many key facts', () => {
    const errors = errorsFor((d) => d.keyFacts.push(...d.keyFacts));
    expect(errors).toContain(`${PATH}: keyFacts: must have at most 8 key facts`);
  });

  it('an id that does not match its folder, a lang that does not match its file', () => {
    expect(errorsFor((d) => (d.id = 'other-story'))).toContain(
      `${PATH}: id: "other-story" must match its folder name "putin-baku-2024"`,
    );
    expect(errorsFor((d) => (d.lang = 'de'))).toContain(`${PATH}: lang: "de" must match its file name "en.json"`);
  });

  it('invalid JSON', () => {
    const result = compileContent([{ path: PATH, text: '{ "id": ' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^content\/putin-baku-2024\/en\.json: \(file\): not valid JSON/);
  });

  it('formats nested paths the way editors read them', () => {
    expect(formatPath(['background', 2, 'body', 0])).toBe('background[2].body[0]');
    expect(formatPath([])).toBe('(document)');
  });
});
