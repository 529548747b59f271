import type { Card as CardData } from '../catalogue/schema.ts';
import type { Ctx } from './context.ts';
import { Later } from './Later.tsx';
import { Marker } from './Marker.tsx';
import { RichText } from './RichText.tsx';
import { Time } from './Time.tsx';

/**
 * A background card as a native disclosure, its title alone until opened. `<details>` works by
 * mouse, keyboard, touch and screen reader without script, keeps its text findable with
 * find-in-page, and serves the widget and the server renderings alike. Its id is the deep link
 * `#<explainer-id>-<card-id>`.
 */
export function Card({ card, c }: { card: CardData; c: Ctx }) {
  return (
    <details class="nx-card" id={`${c.doc.id}-${card.id}`} data-card={card.id}>
      <summary>{card.title}</summary>
      <Later c={c} text={() => [card.summary, ...card.body.map((p) => p.text)].join(' ')}>
        {() => (
          <div class="nx-body">
            <p class="nx-lead">{card.summary}</p>
            {card.body.map((p, i) => (
              <p key={i}>
                <RichText runs={p.runs} c={c} />
              </p>
            ))}
            <p class="nx-meta">
              {c.t.asOf} <Time date={card.asOf} c={c} />. <Marker ids={card.sources} c={c} />
            </p>
          </div>
        )}
      </Later>
    </details>
  );
}
