import type { ComponentChildren } from 'preact';
import type { Explainer, Inline } from '../../content/schema.ts';
import { formatDate } from '../format.ts';
import { Citations, ExternalLink, RichText, type Refs } from './RichText.tsx';

/** Anything with text runs and the sources it cites. */
type Cited = { runs: readonly Inline[]; sources: readonly string[] };

/** Heading level of the explainer's title: 2 inside a publisher's article, 1 on a page of its own. */
export type TitleLevel = 1 | 2;

interface SectionProps {
  id: string;
  title: string;
  level: TitleLevel;
  children: ComponentChildren;
}

/** A titled part of the explainer; its heading sits one level below the explainer's title. */
export function Section({ id, title, level, children }: SectionProps) {
  const Heading = level === 1 ? 'h2' : 'h3';
  return (
    <section class="nx-section" aria-labelledby={id}>
      <Heading id={id} class="nx-h">
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** Sourced sentences as a list, each followed by its dated citations (key facts, corrections). */
export function CitedList({ items, refs, name }: { items: readonly Cited[]; refs: Refs; name: string }) {
  return (
    <ul class={name}>
      {items.map((item, i) => (
        <li key={i}>
          <RichText runs={item.runs} refs={refs} /> <Citations ids={item.sources} refs={refs} />
        </li>
      ))}
    </ul>
  );
}

export function WhyItMatters({ doc, refs }: { doc: Explainer; refs: Refs }) {
  return (
    <>
      {doc.whyItMatters.body.map((p, i) => (
        <p key={i}>
          <RichText runs={p.runs} refs={refs} />
        </p>
      ))}
      <p class="nx-meta">
        <Citations ids={doc.whyItMatters.sources} refs={refs} />
      </p>
    </>
  );
}

/** Collapsed by default: long, and secondary to the key facts. */
export function Timeline({ doc, refs }: { doc: Explainer; refs: Refs }) {
  const first = doc.timeline[0];
  const last = doc.timeline[doc.timeline.length - 1];
  return (
    <details class="nx-card">
      <summary>
        <span class="nx-card-title">Timeline</span>
        {first && last ? (
          <span class="nx-card-summary">
            {doc.timeline.length} dated events, {formatDate(first.date, doc.lang)} to {formatDate(last.date, doc.lang)}
          </span>
        ) : null}
      </summary>
      <ol class="nx-timeline">
        {doc.timeline.map((event, i) => (
          <li key={i}>
            <time dateTime={event.date}>{formatDate(event.date, doc.lang)}</time>
            <span>
              <RichText runs={event.runs} refs={refs} /> <Citations ids={event.sources} refs={refs} />
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function SourceList({ doc }: { doc: Explainer }) {
  return (
    <details class="nx-card nx-sources">
      <summary>
        <span class="nx-card-title">Sources</span>
        <span class="nx-card-summary">{doc.sources.length} sources, each linked and dated</span>
      </summary>
      <ol class="nx-source-list">
        {doc.sources.map((s) => (
          <li key={s.id} id={`nx-src-${s.id}`}>
            <ExternalLink href={s.url}>{s.title}</ExternalLink>. {s.publisher},{' '}
            <time dateTime={s.date}>{formatDate(s.date, doc.lang)}</time>
            {s.dateNote ? ` (${s.dateNote})` : null}.
          </li>
        ))}
      </ol>
    </details>
  );
}
