import type { Ctx } from './context.ts';
import { CitedList } from './CitedList.tsx';
import { Later } from './Later.tsx';
import { fill } from './strings/fill.ts';
import { Time } from './Time.tsx';

/**
 * Every correction and update of ours, newest first ("Corrected <date>: <note>", "Updated
 * <date>: <note>"), then what the reported article (named here, when the explainer follows one)
 * got wrong or left unclear. The first revision is the first publication, and a review changed
 * nothing for readers: neither is listed.
 */
export function Corrections({ c }: { c: Ctx }) {
  const { article, corrections } = c.doc;
  const ours = c.doc.revisions
    .slice(1)
    .filter((r) => r.kind !== 'review')
    .reverse();
  if (!ours.length && !(article && corrections.length)) return null;
  return (
    <details class="nx-panel">
      <summary>{c.t.corrections}</summary>
      <Later c={c} text={() => [...ours, ...corrections].map((x) => ('note' in x ? x.note : x.text)).join(' ')}>
        {() => (
          <>
            {ours.length ? (
              <>
                <p class="nx-meta">{c.t.changes}</p>
                <ul class="nx-changes">
                  {ours.map((r, i) => (
                    <li key={i}>
                      {r.kind === 'update' ? c.t.updated : c.t.corrected} <Time date={r.date} c={c} />: {r.note}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {article && corrections.length ? (
              <>
                <p class="nx-meta">
                  {c.t.correctionsTo} {fill(c.t.quoted, { text: article.title })}, {article.publisher},{' '}
                  <Time date={article.date} c={c} />
                  {article.dateNote ? ` (${article.dateNote})` : null}:
                </p>
                <CitedList items={corrections} c={c} name="nx-corrections" />
              </>
            ) : null}
          </>
        )}
      </Later>
    </details>
  );
}
