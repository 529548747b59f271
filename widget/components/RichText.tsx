import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import type { Inline, Source } from '../../content/schema.ts';

interface Props {
  runs: readonly Inline[];
  sources: ReadonlyMap<string, Source>;
}

/** Renders parsed inline runs as elements; text is only ever a text node, never HTML. */
export function RichText({ runs, sources }: Props) {
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
            const source = sources.get(run.source);
            return source ? <SourceLink source={source} /> : null;
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

/** A compact citation: the publisher's name, linking to the source, with its full title for screen readers. */
export function SourceLink({ source }: { source: Source }) {
  return (
    <ExternalLink href={source.url}>
      <span class="nx-cite" title={source.title}>
        {source.publisher}
      </span>
    </ExternalLink>
  );
}

/** The citations of one fact or card, as a short list of publisher links. */
export function Citations({ ids, sources }: { ids: readonly string[]; sources: ReadonlyMap<string, Source> }) {
  const cited = ids.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
  if (cited.length === 0) return null;
  return (
    <span class="nx-cites">
      <span class="nx-sr">Sources: </span>
      {cited.map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 ? ', ' : null}
          <SourceLink source={s} />
        </Fragment>
      ))}
    </span>
  );
}
