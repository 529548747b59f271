import type { Explainer as ExplainerData } from '../../content/schema.ts';
import { formatDate } from '../format.ts';
import { Card } from './Card.tsx';
import { CitedList, Section, SourceList, Timeline, WhyItMatters, type TitleLevel } from './Sections.tsx';

export interface ExplainerProps {
  doc: ExplainerData;
  /** Resolved colour theme; `auto` follows the reader's system setting. */
  theme?: 'light' | 'dark' | 'auto';
  /** 2 when embedded in a publisher's article (the default), 1 on a page of its own. */
  level?: TitleLevel;
  onToggle?: (cardId: string, open: boolean) => void;
}

/**
 * The whole explainer. Rendered by the widget inside its shadow root and, unchanged, by the
 * server for the iframe page and the no-JS snippet, so the three renderings never drift apart.
 */
export function Explainer({ doc, theme = 'light', level = 2, onToggle }: ExplainerProps) {
  const Title = level === 1 ? 'h1' : 'h2';
  const refs = { sources: new Map(doc.sources.map((s) => [s.id, s])), lang: doc.lang };
  return (
    <article class="nx" data-theme={theme} lang={doc.lang} aria-labelledby="nx-title">
      <header class="nx-header">
        <p class="nx-kicker">Explainer</p>
        <Title id="nx-title" class="nx-title">
          {doc.title}
        </Title>
        <p class="nx-summary">{doc.summary}</p>
        <p class="nx-meta">
          Updated <time dateTime={doc.updatedAt}>{formatDate(doc.updatedAt, doc.lang)}</time> · Accompanies “
          {doc.article.title}”, {doc.article.publisher},{' '}
          <time dateTime={doc.article.date}>{formatDate(doc.article.date, doc.lang)}</time>
        </p>
      </header>
      <Section id="nx-h-facts" title="Key facts" level={level}>
        <CitedList items={doc.keyFacts} refs={refs} name="nx-facts" />
      </Section>
      <Section id="nx-h-why" title="Why it matters" level={level}>
        <WhyItMatters doc={doc} refs={refs} />
      </Section>
      <Section id="nx-h-background" title="Background" level={level}>
        {doc.background.map((card) => (
          <Card key={card.id} card={card} refs={refs} onToggle={onToggle} />
        ))}
      </Section>
      <Section id="nx-h-more" title="Timeline and sources" level={level}>
        <Timeline doc={doc} refs={refs} />
        <SourceList doc={doc} />
      </Section>
      {doc.corrections.length > 0 ? (
        <Section id="nx-h-corrections" title="Corrections to the reported article" level={level}>
          <CitedList items={doc.corrections} refs={refs} name="nx-corrections" />
        </Section>
      ) : null}
    </article>
  );
}
