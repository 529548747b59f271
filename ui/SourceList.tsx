import type { Ctx } from './context.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { Later } from './Later.tsx';
import { Time } from './Time.tsx';

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
                {/* The page's language: its own where it differs from its title's, which differs from the edition's. */}
                <ExternalLink
                  href={s.url}
                  lang={s.lang}
                  hrefLang={s.pageLang ? (s.pageLang === c.doc.lang ? undefined : s.pageLang) : s.lang}
                >
                  {s.title}
                </ExternalLink>
                . {s.publisher}, <Time date={s.date} c={c} />
                {s.dateNote ? ` (${s.dateNote})` : null}.
              </li>
            ))}
          </ol>
        )}
      </Later>
    </details>
  );
}
