import type { Explainer as ExplainerData } from '../catalogue/schema.ts';
import { Card } from './Card.tsx';
import { context, type Deferred } from './context.ts';
import { Corrections } from './Corrections.tsx';
import { KeyFacts } from './KeyFacts.tsx';
import { Revision } from './Revision.tsx';
import { Section, type TitleLevel } from './Section.tsx';
import { SourceList } from './SourceList.tsx';
import type { Strings } from './strings/en.ts';
import type { Theme } from './theme.ts';
import { Timeline } from './Timeline.tsx';
import { WhyItMatters } from './WhyItMatters.tsx';
import { Time } from './Time.tsx';

export interface ExplainerProps {
  doc: ExplainerData;
  /** Colour theme; `auto` follows the reader's system setting. The widget re-resolves it on the page. */
  theme?: Theme;
  /** 2 when embedded in a publisher's article (the default), 1 on a page of its own. */
  level?: TitleLevel;
  t?: Strings;
  /** The widget passes a list here to build closed disclosures' contents when opened (ui/Later.tsx). */
  later?: Deferred[];
}

/**
 * The whole explainer in its compact form: the story in a few facts, why it matters, the
 * background as cards to open, and Timeline, Sources and Corrections one activation away.
 * Rendered by the widget inside its shadow root and, unchanged, by the server for the iframe
 * page and the snippet, so the three renderings never drift apart.
 */
export function Explainer({ doc, theme = 'light', level = 2, t, later }: ExplainerProps) {
  const c = context(doc, t, later);
  // The period the text covers: its cards' latest "as of" date (ISO dates sort as text).
  const asOf =
    doc.background
      .map((card) => card.asOf)
      .sort()
      .pop() ?? '';
  const Title = `h${level}` as const;
  return (
    <article
      class="nx"
      data-theme={theme}
      data-id={doc.id}
      data-updated={doc.updatedAt}
      lang={doc.lang}
      aria-labelledby="nx-title"
    >
      <p class="nx-meta">
        <span class="nx-kicker">{c.t.kicker}</span> · {c.t.updated} <Time date={doc.updatedAt} c={c} />
        {' · '}
        {c.t.backgroundAsOf} <Time date={asOf} c={c} />
      </p>
      <Title id="nx-title" class="nx-title">
        {doc.title}
      </Title>
      <p class="nx-summary">{doc.summary}</p>
      <Revision c={c} />
      <Section id="nx-h-facts" title={c.t.facts} level={level}>
        <KeyFacts c={c} />
      </Section>
      <Section id="nx-h-why" title={c.t.why} level={level}>
        <WhyItMatters c={c} />
      </Section>
      <Section id="nx-h-background" title={c.t.background} level={level}>
        <ul class="nx-cards">
          {doc.background.map((card) => (
            <li key={card.id}>
              <Card card={card} c={c} />
            </li>
          ))}
        </ul>
      </Section>
      <div class="nx-row">
        <Timeline c={c} />
        <SourceList c={c} />
        <Corrections c={c} />
      </div>
    </article>
  );
}
