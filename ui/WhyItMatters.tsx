import type { Ctx } from './context.ts';
import { Later } from './Later.tsx';
import { Marker } from './Marker.tsx';
import { RichText } from './RichText.tsx';

/** One short paragraph on the first screen, with the block's marker; the rest in a disclosure. */
export function WhyItMatters({ c }: { c: Ctx }) {
  const [lead, ...rest] = c.doc.whyItMatters.body;
  return (
    <>
      {lead ? (
        <p>
          <RichText runs={lead.runs} c={c} /> <Marker ids={c.doc.whyItMatters.sources} c={c} />
        </p>
      ) : null}
      {rest.length ? (
        <details class="nx-more">
          <summary>{c.t.whyMore}</summary>
          <Later c={c} text={() => rest.map((p) => p.text).join(' ')}>
            {() => (
              <>
                {rest.map((p, i) => (
                  <p key={i}>
                    <RichText runs={p.runs} c={c} />
                  </p>
                ))}
              </>
            )}
          </Later>
        </details>
      ) : null}
    </>
  );
}
