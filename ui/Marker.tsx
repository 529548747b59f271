import type { Ctx } from './context.ts';
import { formatDate } from './format.ts';
import { count, fill } from './strings/fill.ts';

/** Markers citing more than this many sources say how many instead of listing numbers. */
const MAX_LISTED = 3;

/**
 * The citation marker that ends a cited block: one link, one tab stop, however many sources.
 * It points at the first cited source in the Sources list; the widget opens that list, marks
 * every cited source and moves focus there. Without script (the iframe page), the fragment
 * link itself opens the closed list: browsers reveal a `<details>` holding a fragment target.
 *
 * @example <Marker ids={['rferl-arrival']} c={c} /> // → "1", named "Source 1: RFE/RL, 18 August 2024"
 */
export function Marker({ ids, c }: { ids: readonly string[]; c: Ctx }) {
  // In the Sources list's order, so "[4, 5]" reads as the list does.
  const cited = ids.flatMap((id) => c.sources.get(id) ?? []).sort((a, b) => a.n - b.n);
  const first = cited[0];
  if (!first) return null;
  const list = cited.map((s) => s.n).join(', ');
  const many = cited.length > MAX_LISTED;
  const text = many ? count(c.t, c.t.nSources, cited.length) : list;
  // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
  const label =
    cited.length === 1
      ? fill(c.t.source, { n: first.n, publisher: first.source.publisher, date: formatDate(first.source.date, c.t) })
      : many
        ? `${text}: ${list}`
        : fill(c.t.sourcesOf, { list });
  return (
    <a
      class="nx-mark"
      href={`#nx-src-${first.source.id}`}
      aria-label={label}
      data-cites={cited.map((s) => s.source.id).join(' ')}
    >
      {text}
    </a>
  );
}
