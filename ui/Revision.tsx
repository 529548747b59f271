import type { Ctx } from './context.ts';
import { Time } from './Time.tsx';

/**
 * The latest revision when it is a correction: readers see that they had been told something
 * wrong, when, and what ("Corrected 2 December 2026: …"). An update or a review shows only in
 * the "Updated" date. The first entry is the first publication.
 */
export function Revision({ c }: { c: Ctx }) {
  const revisions = c.doc.revisions;
  const latest = revisions[revisions.length - 1];
  if (revisions.length < 2 || !latest || (latest.kind ?? 'correction') !== 'correction') return null;
  return (
    <p class="nx-meta nx-revision">
      {c.t.corrected} <Time date={latest.date} c={c} />: {latest.note}
    </p>
  );
}
