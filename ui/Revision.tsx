import type { Ctx } from './context.ts';
import { formatDate } from './format.ts';

/**
 * The latest correction, where there has been one: readers see that the text changed, when,
 * and what changed ("Corrected 2 December 2026: …"). The first entry is the first publication.
 */
export function Revision({ c }: { c: Ctx }) {
  const revisions = c.doc.revisions;
  const latest = revisions[revisions.length - 1];
  if (revisions.length < 2 || !latest) return null;
  return (
    <p class="nx-meta nx-revision">
      {c.t.corrected} <time dateTime={latest.date}>{formatDate(latest.date, c.t)}</time>: {latest.note}
    </p>
  );
}
