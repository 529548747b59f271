import type { Ctx } from './context.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { formatDate } from './format.ts';
import { Later } from './Later.tsx';

/** The numbered list markers point into: title (linked), publisher and date of every source. */
export function SourceList({ c }: { c: Ctx }) {
  return (
    <details class="nx-panel nx-sources">
      <summary>{c.t.sources}</summary>
      <Later c={c} text={() => c.doc.sources.map((s) => `${s.title}. ${s.publisher}.`).join(' ')}>
        {() => (
          <ol class="nx-source-list">
            {c.doc.sources.map((s) => (
              // Focusable by script only: a marker moves focus here.
              <li key={s.id} id={`nx-src-${s.id}`} tabIndex={-1}>
                <ExternalLink href={s.url} lang={s.lang}>
                  {s.title}
                </ExternalLink>
                . {s.publisher}, <time dateTime={s.date}>{formatDate(s.date, c.t)}</time>
                {s.dateNote ? ` (${s.dateNote})` : null}.
              </li>
            ))}
          </ol>
        )}
      </Later>
    </details>
  );
}
