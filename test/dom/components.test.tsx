/**
 * The shared components as the widget builds them (JSX → DOM, widget/jsx-dom.ts). The server
 * renders the same components with Preact (test/worker/explainer-page.test.ts, snippet.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Explainer as ExplainerData } from '../../catalogue/schema.ts';
import { Explainer } from '../../ui/Explainer.tsx';
import { content } from '../../generated/content.ts';

const doc = content.explainers['putin-baku-2024']!.langs.en!.data;
const withText = (patch: Partial<ExplainerData>): ExplainerData => ({ ...structuredClone(doc), ...patch });

/** Builds the explainer into a detached container, as the widget does into its shadow root. */
function build(d: ExplainerData = doc): HTMLElement {
  const container = document.createElement('div');
  container.append(Explainer({ doc: d }) as unknown as Node);
  return container;
}

describe('<Explainer> as the widget builds it', () => {
  it('shows the title, summary, updated date and every section', () => {
    const c = build();
    expect(c.querySelector('h2')?.textContent).toBe(doc.title);
    expect(c.querySelector('.nx-summary')?.textContent).toBe(doc.summary);
    expect(c.querySelector(`time[datetime="${doc.updatedAt}"]`)).not.toBeNull();
    expect([...c.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Key facts',
      'Why it matters',
      'Background',
    ]);
    expect([...c.querySelectorAll('.nx-row > details > summary')].map((s) => s.textContent)).toEqual([
      'Timeline',
      'Sources',
      'Corrections',
    ]);
  });

  it('shows three key facts, the rest behind "Show all", each ending with one citation marker', () => {
    const c = build();
    const [first, rest] = c.querySelectorAll('ul.nx-facts');
    expect(first!.children.length).toBe(3);
    expect(first!.closest('details')).toBeNull();
    expect(rest!.closest('details')?.querySelector('summary')?.textContent).toBe(
      `Show all ${doc.keyFacts.length} key facts`,
    );
    expect(c.querySelectorAll('.nx-facts > li').length).toBe(doc.keyFacts.length);
    c.querySelectorAll('.nx-facts > li').forEach((li) => {
      const markers = li.querySelectorAll('a.nx-mark');
      expect(markers.length).toBe(1);
      expect(markers[0]!.getAttribute('href')).toMatch(/^#nx-src-/);
      expect(li.lastElementChild).toBe(markers[0]);
    });
  });

  it('numbers markers by the Sources list and names them with publisher and date', () => {
    const c = build();
    const marker = c.querySelector('.nx-facts a.nx-mark')!;
    const id = doc.keyFacts[0]!.sources[0]!;
    const n = doc.sources.findIndex((s) => s.id === id) + 1;
    expect(marker.textContent).toBe(String(n));
    expect(marker.getAttribute('aria-label')).toMatch(new RegExp(`^Source ${n}: .+, \\d{1,2} [A-Z][a-z]+ \\d{4}$`));
    // The block marker of "why it matters": numbers up to three sources, a count beyond.
    const block = c.querySelector('[aria-labelledby="nx-h-why"] a.nx-mark')!;
    const order = (id: string) => doc.sources.findIndex((x) => x.id === id);
    const cited = [...doc.whyItMatters.sources].sort((a, b) => order(a) - order(b));
    const numbers = cited.map((id) => order(id) + 1).join(', ');
    if (cited.length > 3) {
      expect(block.textContent).toBe(`${cited.length} sources`);
      expect(block.getAttribute('aria-label')).toBe(`${cited.length} sources: ${numbers}`);
    } else {
      expect(block.textContent).toBe(numbers);
      expect(block.getAttribute('aria-label')).toMatch(
        cited.length === 1 ? /^Source \d+: / : new RegExp(`^Sources ${numbers}$`),
      );
    }
    // Listed in the Sources list's order.
    expect(block.getAttribute('data-cites')?.split(' ')).toEqual(cited);
  });

  it('renders background cards as closed disclosures with their title only, and a deep-link id', () => {
    const c = build();
    const cards = c.querySelectorAll('details[data-card]');
    expect(cards.length).toBe(doc.background.length);
    cards.forEach((card, i) => {
      const data = doc.background[i]!;
      expect(card.hasAttribute('open')).toBe(false);
      expect(card.id).toBe(`${doc.id}-${data.id}`);
      expect(card.querySelector(':scope > summary')?.textContent).toBe(data.title);
      expect(card.querySelector('.nx-lead')?.textContent).toBe(data.summary);
      expect(card.textContent).toMatch(/As of /);
    });
  });

  it('lists every source, numbered, with its https link, publisher and date', () => {
    const c = build();
    const items = c.querySelectorAll('.nx-source-list > li');
    expect(items.length).toBe(doc.sources.length);
    items.forEach((li, i) => {
      const s = doc.sources[i]!;
      expect(li.id).toBe(`nx-src-${s.id}`);
      expect(li.getAttribute('tabindex')).toBe('-1');
      const a = li.querySelector('a')!;
      expect(a.getAttribute('href')).toBe(s.url);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(li.textContent).toContain(s.publisher);
      expect(li.querySelector('time')?.getAttribute('datetime')).toBe(s.date);
    });
  });

  it('marks a source title in another language with its lang (WCAG 3.1.2), and a page in another language with hreflang', () => {
    const [first, second, ...rest] = doc.sources;
    const c = build(
      withText({
        sources: [
          { ...first!, lang: 'ru', pageLang: undefined },
          { ...second!, lang: undefined, pageLang: 'ru' },
          ...rest.map((s) => ({ ...s, lang: undefined, pageLang: undefined })),
        ],
      }),
    );
    const link = (id: string) => c.querySelector(`#nx-src-${id} a`)!;
    expect([link(first!.id).getAttribute('lang'), link(first!.id).getAttribute('hreflang')]).toEqual(['ru', 'ru']);
    expect([link(second!.id).getAttribute('lang'), link(second!.id).getAttribute('hreflang')]).toEqual([null, 'ru']);
    expect(c.querySelectorAll('.nx-source-list a[lang]')).toHaveLength(1);
    expect(c.querySelectorAll('.nx-source-list a[hreflang]')).toHaveLength(2);
  });

  it('says what period it covers: "Background as of" the latest card date', () => {
    const latest = doc.background
      .map((c) => c.asOf)
      .sort()
      .at(-1)!;
    const meta = build().querySelector('.nx-meta')!;
    expect(meta.textContent).toMatch(/Background as of \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(meta.querySelector(`time[datetime="${latest}"]`)).not.toBeNull();
  });

  it('renders text as text: markup in content never becomes elements', () => {
    const hostile = withText({
      summary: '<img src=x onerror="alert(1)">',
      keyFacts: [
        { text: '<b>not bold</b>', runs: [{ type: 'text', text: '<b>not bold</b>' }], sources: [doc.sources[0]!.id] },
      ],
    });
    const c = build(hostile);
    expect(c.querySelector('img, b')).toBeNull();
    expect(c.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(c.textContent).toContain('<b>not bold</b>');
  });

  it('drops links that are not https, keeping their text', () => {
    const hostile = withText({
      keyFacts: [
        {
          text: 'click',
          runs: [{ type: 'link', text: 'click', href: 'javascript:alert(1)' }],
          sources: [doc.sources[0]!.id],
        },
      ],
    });
    const fact = build(hostile).querySelector('.nx-facts > li')!;
    expect(fact.textContent).toContain('click');
    expect([...fact.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `#nx-src-${doc.sources[0]!.id}`,
    ]);
  });

  it('tells readers of a correction on the first screen, and of an update or a review only by the date', () => {
    const revisions = (kind?: 'correction' | 'update' | 'review') =>
      withText({
        revisions: [
          { date: '2024-08-19', note: 'First publication.' },
          { date: '2024-08-20', note: 'The talks were on Monday, not Sunday.', kind },
        ],
      });
    expect(build(revisions('correction')).querySelector('.nx-revision')?.textContent).toBe(
      'Corrected 20 August 2024: The talks were on Monday, not Sunday.',
    );
    // An older log without kinds: its later entries were corrections.
    expect(build(revisions()).querySelector('.nx-revision')?.textContent).toMatch(/^Corrected 20 August 2024/);
    expect(build(revisions('update')).querySelector('.nx-revision')).toBeNull();
    expect(build(revisions('review')).querySelector('.nx-revision')).toBeNull();
    // A correction stays on the first screen after a later update.
    const updatedAfter = withText({
      revisions: [
        ...revisions('correction').revisions,
        { date: '2024-08-22', note: 'Added the gas agreement.', kind: 'update' },
      ],
    });
    expect(build(updatedAfter).querySelector('.nx-revision')?.textContent).toBe(
      'Corrected 20 August 2024: The talks were on Monday, not Sunday.',
    );
  });

  it('lists every correction and update of ours in the Corrections panel, newest first, with its date', () => {
    const c = build(
      withText({
        revisions: [
          { date: '2024-08-19', note: 'First publication.' },
          { date: '2024-08-20', note: 'The talks were on Monday, not Sunday.', kind: 'correction' },
          { date: '2024-08-21', note: 'Checked against the sources.', kind: 'review' },
          { date: '2024-08-22', note: 'Added the gas agreement.', kind: 'update' },
          { date: '2024-08-23', note: 'An older entry without a kind.' },
        ],
      }),
    );
    // The first publication and a review changed nothing for readers: not listed.
    expect([...c.querySelectorAll('.nx-changes > li')].map((li) => li.textContent)).toEqual([
      'Corrected 23 August 2024: An older entry without a kind.',
      'Updated 22 August 2024: Added the gas agreement.',
      'Corrected 20 August 2024: The talks were on Monday, not Sunday.',
    ]);
    expect(c.querySelector('.nx-changes time')?.getAttribute('datetime')).toBe('2024-08-23');
    // The corrections to the reported article follow, under the article's name.
    expect(c.querySelector('.nx-changes ~ ul.nx-corrections')).not.toBeNull();
  });

  it('has a Corrections panel only when there is something to list, and names an article only when there is one', () => {
    const summaries = (c: HTMLElement) =>
      [...c.querySelectorAll('.nx-row > details > summary')].map((s) => s.textContent);
    const first = [{ date: '2024-08-19', note: 'First publication.' }];
    expect(summaries(build(withText({ corrections: [], revisions: first })))).toEqual(['Timeline', 'Sources']);
    const noArticle = withText({
      corrections: [],
      revisions: [...first, { date: '2024-08-20', note: 'Added a card.', kind: 'update' }],
    });
    delete (noArticle as Partial<ExplainerData>).article;
    const c = build(noArticle);
    expect(summaries(c)).toEqual(['Timeline', 'Sources', 'Corrections']);
    expect(c.querySelector('.nx-changes')?.textContent).toBe('Updated 20 August 2024: Added a card.');
    expect(c.textContent).not.toContain('Corrections to the reported article');
  });
});
