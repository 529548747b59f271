import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Explainer as ExplainerData } from '../../content/schema.ts';
import { Explainer } from '../../widget/components/Explainer.tsx';
import { content } from '../../generated/content.ts';

const doc = content.explainers['putin-baku-2024']!.langs.en!.data;
const withText = (patch: Partial<ExplainerData>): ExplainerData => ({ ...structuredClone(doc), ...patch });

describe('<Explainer>', () => {
  it('shows the title, summary, updated date and every section', () => {
    const { container } = render(<Explainer doc={doc} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(doc.title);
    expect(container.textContent).toContain(doc.summary);
    expect(container.querySelector(`time[datetime="${doc.updatedAt}"]`)).not.toBeNull();
    for (const name of ['Key facts', 'Why it matters', 'Background', 'Corrections to the reported article'])
      expect(screen.getByRole('heading', { name }), name).toBeTruthy();
    expect(container.textContent).toContain('Timeline');
    expect(container.textContent).toContain('Sources');
  });

  it('shows every key fact with its cited sources as links', () => {
    const { container } = render(<Explainer doc={doc} />);
    const items = container.querySelectorAll('.nx-facts > li');
    expect(items.length).toBe(doc.keyFacts.length);
    items.forEach((li) => expect(li.querySelector('.nx-cites a[href^="https://"]')).not.toBeNull());
  });

  it('renders background cards as native disclosures, collapsed, each with an "as of" date', () => {
    const { container } = render(<Explainer doc={doc} />);
    const cards = container.querySelectorAll('details[data-card]');
    expect(cards.length).toBe(doc.background.length);
    for (const card of cards) {
      expect(card.hasAttribute('open')).toBe(false);
      expect(card.querySelector(':scope > summary')).not.toBeNull();
      expect(card.textContent).toMatch(/As of /);
    }
  });

  it('lists every source with https link, publisher and date', () => {
    const { container } = render(<Explainer doc={doc} />);
    const items = container.querySelectorAll('.nx-source-list > li');
    expect(items.length).toBe(doc.sources.length);
    for (const li of items) {
      const a = li.querySelector('a')!;
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(li.querySelector('time')).not.toBeNull();
    }
  });

  it('renders text as text: markup in content never becomes elements', () => {
    const hostile = withText({
      summary: '<img src=x onerror="alert(1)">',
      keyFacts: [
        { text: '<b>not bold</b>', runs: [{ type: 'text', text: '<b>not bold</b>' }], sources: [doc.sources[0]!.id] },
      ],
    });
    const { container } = render(<Explainer doc={hostile} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.textContent).toContain('<b>not bold</b>');
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
    const { container } = render(<Explainer doc={hostile} />);
    const fact = container.querySelector('.nx-facts > li')!;
    expect(fact.textContent).toContain('click');
    expect(within(fact as HTMLElement).queryByRole('link', { name: 'click' })).toBeNull();
  });
});
