import type { Ctx } from './context.ts';
import { CitedList } from './CitedList.tsx';
import { Later } from './Later.tsx';
import { count } from './strings/fill.ts';

/** How many key facts the first screen shows; the rest are one activation away. */
export const FIRST_FACTS = 3;

export function KeyFacts({ c }: { c: Ctx }) {
  const facts = c.doc.keyFacts;
  return (
    <>
      <CitedList items={facts.slice(0, FIRST_FACTS)} c={c} name="nx-facts" />
      {facts.length > FIRST_FACTS ? (
        <details class="nx-more">
          <summary>{count(c.t, c.t.allFacts, facts.length)}</summary>
          <Later
            c={c}
            text={() =>
              facts
                .slice(FIRST_FACTS)
                .map((f) => f.text)
                .join(' ')
            }
          >
            {() => <CitedList items={facts.slice(FIRST_FACTS)} c={c} name="nx-facts" />}
          </Later>
        </details>
      ) : null}
    </>
  );
}
