import type { Ctx } from './context.ts';
import { CitedList } from './CitedList.tsx';
import { Later } from './Later.tsx';
import { fill } from './strings/fill.ts';
import { Time } from './Time.tsx';

/** What the reported article (named here) got wrong or left unclear. */
export function Corrections({ c }: { c: Ctx }) {
  const article = c.doc.article;
  if (!c.doc.corrections.length) return null;
  return (
    <details class="nx-panel">
      <summary>{c.t.corrections}</summary>
      <Later c={c} text={() => c.doc.corrections.map((x) => x.text).join(' ')}>
        {() => (
          <>
            <p class="nx-meta">
              {c.t.correctionsTo} {fill(c.t.quoted, { text: article.title })}, {article.publisher},{' '}
              <Time date={article.date} c={c} />
              {article.dateNote ? ` (${article.dateNote})` : null}:
            </p>
            <CitedList items={c.doc.corrections} c={c} name="nx-corrections" />
          </>
        )}
      </Later>
    </details>
  );
}
