import type { Inline } from '../catalogue/schema.ts';
import type { Ctx } from './context.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { Marker } from './Marker.tsx';

/** Renders parsed inline runs as elements; text is only ever a text node, never HTML. */
export function RichText({ runs, c }: { runs: readonly Inline[]; c: Ctx }) {
  return (
    <>
      {runs.map((run) =>
        run.type === 'text' ? (
          run.text
        ) : run.type === 'em' ? (
          <em>{run.text}</em>
        ) : run.type === 'link' ? (
          <ExternalLink href={run.href}>{run.text}</ExternalLink>
        ) : (
          <Marker ids={[run.source]} c={c} />
        ),
      )}
    </>
  );
}
