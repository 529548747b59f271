import type { Ctx } from './context.ts';
import { Time } from './Time.tsx';

/**
 * The latest correction, on the first screen: readers see that they had been told something
 * wrong, when, and what ("Corrected 2 December 2026: …"), even after later updates. Updates and
 * reviews show only in the "Updated" date (and updates in the Corrections panel). The first
 * entry is the first publication; a later entry without a kind counts as a correction.
 */
export function Revision({ c }: { c: Ctx }) {
  // Not findLast(): Firefox before 104 lacks it, and the widget targets Firefox 100.
  const latest = c.doc.revisions.filter((r, i) => i > 0 && (r.kind ?? 'correction') === 'correction').pop();
  if (!latest) return null;
  return (
    <p class="nx-meta nx-revision">
      {c.t.corrected} <Time date={latest.date} c={c} />: {latest.note}
    </p>
  );
}
