import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, formatPath, type ContentFile } from '../../catalogue/build/compile.ts';
import { sentences } from '../../catalogue/build/lint.ts';
import { readContent } from '../../catalogue/build/read.ts';
import { proseFields } from '../../catalogue/prose.ts';
import type { ExplainerInput } from '../../catalogue/schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PATH = 'content/putin-baku-2024/en.json';
const realText = readFileSync(join(ROOT, PATH), 'utf8');
const real = (): ExplainerInput => JSON.parse(realText) as ExplainerInput;

const allContentFiles = (): ContentFile[] => readContent(ROOT);

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

describe('putin-baku-2024, English: the editorial decisions of its reviews stay made', () => {
  const doc = real();
  const all = JSON.stringify(doc);

  it('attributes the ICC charge and dates the Court itself', () => {
    expect(doc.background[0]!.summary).toMatch(/alleged/);
    expect(doc.background[0]!.body.join(' ')).toMatch(/Rome Statute.*1998.*2002/);
  });

  it('reports BRICS as a key fact and a timeline entry dated 20 August 2024', () => {
    expect(doc.keyFacts.map((f) => f.text).join(' ')).toMatch(/BRICS/);
    expect(doc.timeline.find((e) => e.date === '2024-08-20')?.text).toMatch(/BRICS/);
  });

  it('explains Heydar Aliyev: born 1923, president 1993–2003, Ilham Aliyev’s father', () => {
    const card = doc.background.find((c) => c.id === 'aliyevs')!;
    expect(card.body.join(' ')).toMatch(/1923/);
    expect(card.body.join(' ')).toMatch(/1993 to 2003/);
    expect(card.body.join(' ')).toMatch(/Ilham Aliyev's father/);
  });

  it('never overstates the EU gas memorandum', () => {
    expect(all).not.toMatch(/agreed (in 2022 )?to double/);
    expect(all).toMatch(/aims to double imports of Azerbaijani gas/);
  });

  it('describes the reported article and says it carries no date', () => {
    expect(doc.article!.date).toBe('2024-08-18');
    expect(doc.article!.dateNote).toMatch(/undated/);
    expect(doc.article!.title).not.toBe('Putin arrives in Baku for a two-day state visit');
  });

  it('states nothing after the fact sheet’s coverage (1 January 2025)', () => {
    for (const card of doc.background) expect(card.asOf <= '2025-01-01', card.id).toBe(true);
    for (const event of doc.timeline) expect(event.date <= '2025-01-01', event.text).toBe(true);
  });

  it('opens "why it matters" with why this visit matters: short, dated, its marker citing only what it says', () => {
    const lead = doc.whyItMatters.body[0]!;
    expect(lead.length).toBeLessThanOrEqual(300);
    expect(lead).toMatch(/state visit to Baku on 18–19 August 2024/);
    expect(lead).not.toMatch(/\bis tied\b|\bsells\b/);
    // One marker after the paragraph (the block's sources), no second set inline.
    expect(lead).not.toMatch(/\[\^/);
    expect([...doc.whyItMatters.sources].sort()).toEqual(['afp-arrival', 'harici-joint-statement']);
  });

  it('attributes Azerbaijan’s ICC status plainly, hedged as the sheet asks, and cites each claim to what supports it', () => {
    expect(all).not.toMatch(/If that still held/);
    expect(doc.whyItMatters.body.join(' ')).toMatch(/Coalition for the ICC listed Azerbaijan in 2014/);
    expect(doc.keyFacts[7]!.text).toMatch(
      /listed Azerbaijan outside the Rome Statute in 2014; our sources show no later accession/,
    );
    expect(doc.keyFacts[7]!.sources).not.toContain('ukrinform-mongolia'); // it reports Mongolia's case only
    // The treaty's own rule is cited to the treaty, not to a report of Mongolia's case.
    expect(doc.background[0]!.body[2]).toMatch(/no such duty under the treaty\.\[\^un-rome-statute\]/);
    expect(doc.timeline.find((e) => e.date === '2024-09-02')?.sources).toContain('ukrinform-mongolia');
  });

  it('says "informal" of the dinner nowhere: only an http source supports it', () => {
    expect(all).not.toMatch(/informal/);
  });

  it('labels every correction by its kind and corrects the vague "travel continues"', () => {
    for (const c of doc.corrections) expect(c.text, c.text).toMatch(/^(Correction|Clarification|Update): /);
    const mongolia = doc.corrections.find((c) => c.text.includes('international travel continues'));
    expect(mongolia?.sources).toEqual(['moscow-times-mongolia', 'ukrinform-mongolia']);
  });

  it('gives the visit its substance: trade, the corridor, the SCO, the anniversary', () => {
    const card = doc.background.find((c) => c.id === 'russia-azerbaijan-alliance')!.body.join(' ');
    for (const fact of [/\$4 billion in 2023/, /North–South transport corridor/, /SCO/, /80th anniversary of Victory/])
      expect(card).toMatch(fact);
  });

  it('marks sources dated by an event, not by publication', () => {
    for (const id of [
      'un-rome-statute',
      'britannica-heydar-aliyev',
      'commons-cop29',
      'harici-joint-statement',
      'newsaz-wreaths',
      'vestnik-kavkaza-2018',
      'caucasus-watch-dinner',
    ])
      expect(doc.sources.find((s) => s.id === id)?.dateNote, id).toMatch(/not of publication/);
  });

  it('keeps the third review’s smaller decisions', () => {
    expect(doc.article!.publisher).not.toMatch(/demo/);
    expect(doc.keyFacts[0]!.text).toMatch(/Russian television showed his plane arriving that evening/);
    expect(doc.keyFacts[4]!.text).toMatch(/demarcate/);
    expect(doc.keyFacts[6]!.text).toMatch(/^On 19 August /);
    expect(doc.timeline.map((e) => e.date)).toEqual(expect.arrayContaining(['2023-12-11', '2024-12-25']));
    expect(doc.background.find((c) => c.id === 'azerbaijan-gas')!.summary.split(/\s+/).length).toBeLessThanOrEqual(25);
    expect(doc.background.find((c) => c.id === 'kursk-incursion')!.body[0]).toMatch(/"large-scale provocation"/);
  });

  it('builds without warnings, and no sentence runs over 30 words', () => {
    const result = compileContent(allContentFiles());
    expect(result.warnings).toEqual([]);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const data = result.content.explainers['putin-baku-2024']!.langs.en!.data;
    const long = proseFields(data)
      .flatMap((f) => sentences(f.text))
      .filter(([, words]) => words > 30);
    expect(long).toEqual([]);
  });
});

describe('editorial checks at build time: dates agree, sentences stay readable', () => {
  it('a card "as of" later than updatedAt fails', () => {
    const errors = errorsFor((d) => (d.background[1]!.asOf = '2099-12-31'), PATH);
    const reviewed = real().updatedAt.slice(0, 10);
    expect(errors.join('\n')).toContain(`background[1].asOf: is later than updatedAt (${reviewed})`);
  });

  it('a card "as of" in the future fails', () => {
    const errors = errorsFor((d) => {
      d.updatedAt = '2999-01-02T00:00:00Z';
      d.background[1]!.asOf = '2999-01-01';
    });
    expect(errors.join('\n')).toMatch(/background\[1\]\.asOf: is in the future \(today is \d{4}-\d{2}-\d{2}\)/);
  });

  it('a source marked with the edition’s own language fails; a malformed language fails', () => {
    expect(errorsFor((d) => (d.sources[0]!.lang = 'en'))).toContain(
      `${PATH}: sources[0].lang: is the edition's own language: set lang only for a source in another language`,
    );
    expect(errorsFor((d) => (d.sources[0]!.lang = 'Russian'))).toContain(
      `${PATH}: sources[0].lang: must be a language tag such as "ru"`,
    );
  });

  it('a sentence over 35 words is a warning that names file and field, and the build goes on', () => {
    const doc = real();
    doc.keyFacts[2]!.text = `${Array(40).fill('word').join(' ')}.`;
    const result = compileContent([{ path: PATH, text: JSON.stringify(doc) }]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^content\/putin-baku-2024\/en\.json: keyFacts\[2\]\.text: a sentence of 40 words \(over 35\)/,
      ),
    ]);
  });

  it('a long first paragraph of "why it matters" is a warning: it stands on the first screen', () => {
    const doc = real();
    doc.whyItMatters.body[0] = Array(12).fill('A short sentence of words.').join(' ');
    const result = compileContent([{ path: PATH, text: JSON.stringify(doc) }]);
    expect(result.warnings.join('\n')).toMatch(
      /whyItMatters\.body\[0\]: \d+ characters: the first paragraph stands on the first screen/,
    );
  });

  it('splits sentences the way editors count them', () => {
    expect(sentences('One two. Three «four». 5 six! Seven?').map(([, n]) => n)).toEqual([2, 2, 2, 1]);
    expect(sentences('Путин прибыл в Баку. Визит длился два дня.').map(([, n]) => n)).toEqual([4, 4]);
  });
});

describe('putin-baku-2024, Russian: an edition parallel to the English one', () => {
  const ruPath = 'content/putin-baku-2024/ru.json';
  const ruText = readFileSync(join(ROOT, ruPath), 'utf8');
  const ru = (): ExplainerInput => JSON.parse(ruText) as ExplainerInput;

  it('compiles with the English one, without warnings, as the same explainer', () => {
    const result = compileContent(allContentFiles());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.warnings).toEqual([]);
    const explainer = result.content.explainers['putin-baku-2024']!;
    expect(Object.keys(explainer.langs).sort()).toEqual(['en', 'ru']);
    expect(explainer.defaultLang).toBe('en');
  });

  it('has the same cards, sources and URLs, key facts, timeline dates and corrections', () => {
    const [a, b] = [real(), ru()];
    expect(b.background.map((c) => [c.id, c.asOf, c.sources])).toEqual(
      a.background.map((c) => [c.id, c.asOf, c.sources]),
    );
    expect(b.sources.map((x) => [x.id, x.url, x.date])).toEqual(a.sources.map((x) => [x.id, x.url, x.date]));
    expect(b.keyFacts.map((f) => f.sources)).toEqual(a.keyFacts.map((f) => f.sources));
    expect(b.timeline.map((e) => [e.date, e.sources])).toEqual(a.timeline.map((e) => [e.date, e.sources]));
    expect(b.corrections.map((c) => c.sources)).toEqual(a.corrections.map((c) => c.sources));
    expect(b.whyItMatters.sources).toEqual(a.whyItMatters.sources);
  });

  it('names people and institutions as Russian-language media do', () => {
    const text = ruText;
    for (const name of [/Ильхам/, /Гейдар Алиев/, /Международн\S+ уголовн\S+ суд/, /Римск\S+ статут/, /COP29/])
      expect(text).toMatch(name);
  });

  it('keeps the decisions of its reviews: corrections labelled as in English, page languages, its own log', () => {
    const [a, b] = [real(), ru()];
    const kinds: Record<string, string> = {
      Correction: 'Исправление',
      Clarification: 'Уточнение',
      Update: 'Обновление',
    };
    expect(b.corrections.map((c) => c.text.split(':')[0])).toEqual(
      a.corrections.map((c) => kinds[c.text.split(':')[0]!]),
    );
    expect(b.corrections.find((c) => c.text.includes('Курскую'))?.text).toMatch(
      /трансграничное вторжение .* начавшееся 6 августа/,
    );
    expect(b.background.find((c) => c.id === 'kursk-incursion')!.title).toBe(
      'Вторжение украинских войск в Курскую область',
    );
    expect(ruText).not.toMatch(/неформальн|совместн\S+ деклараци/);
    // Every linked page is English but one (mk.ru), though every title is Russian.
    expect(b.sources.filter((s) => s.pageLang !== 'en').map((s) => s.id)).toEqual(['mk-2018-visit']);
    const lead = b.whyItMatters.body[0]!;
    expect(lead.replace(/\[\^[a-z0-9-]+\]/g, '').length).toBeLessThanOrEqual(300);
    expect(lead).toMatch(/визит Путина в Баку 18–19 августа 2024 года/);
    // Revised on the same days (an edition may log more on a day: a fix only it needed).
    expect([...new Set(b.revisions.map((r) => r.date))]).toEqual([...new Set(a.revisions.map((r) => r.date))]);
    expect(b.updatedAt).toBe(a.updatedAt);
  });

  it('a drifting edition fails the build, naming the file and what differs', () => {
    const en = real();
    const drift = ru();
    // Each edition alone is valid (every source still cited); only the comparison fails.
    [drift.background[0], drift.background[1]] = [drift.background[1]!, drift.background[0]!];
    drift.keyFacts.shift();
    const result = compileContent([
      { path: PATH, text: JSON.stringify(en) },
      { path: ruPath, text: JSON.stringify(drift) },
    ]);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(
      expect.stringMatching(/^content\/putin-baku-2024\/ru\.json: background: card ids are .* as in en\.json$/),
    );
    expect(errors).toContain(
      `${ruPath}: keyFacts: ${en.keyFacts.length - 1} key facts, not ${en.keyFacts.length} as in en.json`,
    );
  });

  it('timeline dates and source ids must match too', () => {
    const drift = ru();
    drift.timeline[0]!.date = '2018-09-28';
    [drift.sources[0], drift.sources[1]] = [drift.sources[1]!, drift.sources[0]!];
    const result = compileContent([
      { path: PATH, text: realText },
      { path: ruPath, text: JSON.stringify(drift) },
    ]);
    const errors = result.ok ? [] : result.errors;
    expect(errors.join('\n')).toMatch(/ru\.json: timeline: event dates are 2018-09-28/);
    expect(errors.join('\n')).toMatch(/ru\.json: sources: source ids are /);
  });
});

describe('hostile content (disguising characters, markup, unsafe links) fails the build', () => {
  it('a right-to-left override or a zero-width character, anywhere, names the field and the character', () => {
    expect(errorsFor((d) => (d.keyFacts[0]!.text = 'Putin arrived \u202Egnitaerc\u202C in Baku.'))).toContain(
      `${PATH}: keyFacts[0].text: contains U+202E, an invisible or direction-changing character that can disguise text; remove it`,
    );
    expect(errorsFor((d) => (d.sources[0]!.title = 'Report\u200B on the arrival'))).toContain(
      `${PATH}: sources[0].title: contains U+200B, an invisible or direction-changing character that can disguise text; remove it`,
    );
  });

  it('links other than https: (data:, http:, javascript:) and source URLs other than https', () => {
    for (const href of ['data:text/html,hi', 'http://example.org/', 'javascript:alert(1)', '//example.org/'])
      expect(errorsFor((d) => (d.whyItMatters.body[1] = `See [this](${href}).`)).join('\n'), href).toMatch(
        /whyItMatters\.body\[1\]: link "this" must use an https: URL/,
      );
    expect(errorsFor((d) => (d.sources[1]!.url = 'data:text/html,<script>alert(1)</script>'))).toContain(
      `${PATH}: sources[1].url: must be an absolute https: URL`,
    );
  });

  it('over-long fields, with the limit', () => {
    expect(errorsFor((d) => (d.title = 'x'.repeat(121)))).toContain(`${PATH}: title: must be at most 120 characters`);
    expect(errorsFor((d) => (d.keyFacts[0]!.text = 'x'.repeat(281)))).toContain(
      `${PATH}: keyFacts[0].text: must be at most 280 characters`,
    );
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
