import type { Explainer as ExplainerData } from '../../content/schema.ts';
import { formatDate } from '../format.ts';
import { Card } from './Card.tsx';
import { Corrections, KeyFacts, SourceList, Timeline, WhyItMatters } from './Sections.tsx';

export interface ExplainerProps {
  doc: ExplainerData;
  /** Resolved colour theme; `auto` follows the reader's system setting. */
  theme?: 'light' | 'dark' | 'auto';
  onToggle?: (cardId: string, open: boolean) => void;
}

/**
 * The whole explainer. Rendered by the widget inside its shadow root and, unchanged, by the
 * server for the iframe page and the no-JS snippet, so the three renderings never drift apart.
 */
export function Explainer({ doc, theme = 'light', onToggle }: ExplainerProps) {
  const refs = { sources: new Map(doc.sources.map((s) => [s.id, s])), lang: doc.lang };
  return (
    <article class="nx" data-theme={theme} lang={doc.lang} aria-labelledby="nx-title">
      <header class="nx-header">
        <p class="nx-kicker">Explainer</p>
        <h2 id="nx-title">{doc.title}</h2>
        <p class="nx-summary">{doc.summary}</p>
        <p class="nx-meta">
          Updated <time dateTime={doc.updatedAt}>{formatDate(doc.updatedAt, doc.lang)}</time> · Accompanies “
          {doc.article.title}”, {doc.article.publisher},{' '}
          <time dateTime={doc.article.date}>{formatDate(doc.article.date, doc.lang)}</time>
        </p>
      </header>
      <KeyFacts doc={doc} refs={refs} />
      <WhyItMatters doc={doc} refs={refs} />
      <section class="nx-section" aria-labelledby="nx-h-background">
        <h3 id="nx-h-background">Background</h3>
        {doc.background.map((card) => (
          <Card key={card.id} card={card} refs={refs} onToggle={onToggle} />
        ))}
      </section>
      <section class="nx-section" aria-labelledby="nx-h-more">
        <h3 id="nx-h-more">Timeline and sources</h3>
        <Timeline doc={doc} refs={refs} />
        <SourceList doc={doc} />
      </section>
      <Corrections doc={doc} refs={refs} />
    </article>
  );
}
