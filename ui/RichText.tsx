import type { Inline } from '../catalogue/schema.ts';
import type { Ctx } from './context.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { Marker } from './Marker.tsx';

/** Renders parsed inline runs as elements; text is only ever a text node, never HTML. */
export function RichText({ runs, c }: { runs: readonly Inline[]; c: Ctx }) {
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
          case 'cite':
            return <Marker ids={[run.source]} c={c} />;
        }
      })}
    </>
  );
}
