import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import type { Inline, Source } from '../../content/schema.ts';
import { formatDate } from '../format.ts';

/** What citations need: the explainer's sources by id, and its language for dates. */
export interface Refs {
  sources: ReadonlyMap<string, Source>;
  lang: string;
}

interface Props {
  runs: readonly Inline[];
  refs: Refs;
}

/** Renders parsed inline runs as elements; text is only ever a text node, never HTML. */
export function RichText({ runs, refs }: Props) {
  return (
    <>
      {runs.map((run) => {
        switch (run.type) {
          case 'text':
            return run.text;
          case 'em':
            return <em>{run.text}</em>;
          case 'link':
            return <ExternalLink href={run.href}>{run.text}</ExternalLink>;
          case 'cite': {
            const source = refs.sources.get(run.source);
            return source ? <SourceLink source={source} lang={refs.lang} /> : null;
          }
        }
      })}
    </>
  );
}

/** Opens outside the host page and hands it nothing (no opener, no referrer). */
export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  // Belt and braces: the content build only admits https: links, but the widget re-checks.
  if (!href.startsWith('https://')) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** A compact, dated citation ("RFE/RL, Aug 18, 2024") linking to the source; its title shows on hover. */
export function SourceLink({ source, lang }: { source: Source; lang: string }) {
  return (
    <ExternalLink href={source.url}>
      <span class="nx-cite" title={source.title}>
        {source.publisher}, {formatDate(source.date, lang, 'short')}
      </span>
    </ExternalLink>
  );
}

/** The citations of one fact or card, as a short list of publisher links. */
export function Citations({ ids, refs }: { ids: readonly string[]; refs: Refs }) {
  const cited = ids.map((id) => refs.sources.get(id)).filter((s): s is Source => s !== undefined);
  if (cited.length === 0) return null;
  return (
    <span class="nx-cites">
      <span class="nx-sr">Sources: </span>
      {cited.map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 ? ', ' : null}
          <SourceLink source={s} lang={refs.lang} />
        </Fragment>
      ))}
    </span>
  );
}
