import type { Card as CardData } from '../../content/schema.ts';
import { formatDate } from '../format.ts';
import { Citations, RichText, type Refs } from './RichText.tsx';

interface Props {
  card: CardData;
  refs: Refs;
  onToggle?: (cardId: string, open: boolean) => void;
}

/**
 * A background card as a native disclosure. `<details>` works by mouse, keyboard, touch and
 * screen reader without script, so the same markup serves the widget and the no-JS rendering.
 */
export function Card({ card, refs, onToggle }: Props) {
  return (
    <details
      class="nx-card"
      id={`nx-card-${card.id}`}
      data-card={card.id}
      onToggle={onToggle ? (e) => onToggle(card.id, (e.currentTarget as HTMLDetailsElement).open) : undefined}
    >
      <summary>
        <span class="nx-card-title">{card.title}</span>
        <span class="nx-card-summary">{card.summary}</span>
      </summary>
      <div class="nx-card-body">
        {card.body.map((p, i) => (
          <p key={i}>
            <RichText runs={p.runs} refs={refs} />
          </p>
        ))}
        <p class="nx-meta">
          As of <time dateTime={card.asOf}>{formatDate(card.asOf, refs.lang)}</time>.{' '}
          <Citations ids={card.sources} refs={refs} />
        </p>
      </div>
    </details>
  );
}
