import type { Inline } from '../catalogue/schema.ts';
import type { Ctx } from './context.ts';
import { Marker } from './Marker.tsx';
import { RichText } from './RichText.tsx';

/** Anything with text runs and the sources it cites. */
export type Cited = { runs: readonly Inline[]; sources: readonly string[] };

/** Sourced sentences as a list, each ending with its citation marker (key facts, corrections). */
export function CitedList({ items, c, name }: { items: readonly Cited[]; c: Ctx; name: string }) {
  return (
    <ul class={name}>
      {items.map((item, i) => (
        <li key={i}>
          <RichText runs={item.runs} c={c} /> <Marker ids={item.sources} c={c} />
        </li>
      ))}
    </ul>
  );
}
