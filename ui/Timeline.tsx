import type { Ctx } from './context.ts';
import { Later } from './Later.tsx';
import { Marker } from './Marker.tsx';
import { RichText } from './RichText.tsx';
import { Time } from './Time.tsx';

export function Timeline({ c }: { c: Ctx }) {
  return (
    <details class="nx-panel">
      <summary>{c.t.timeline}</summary>
      <Later c={c} text={() => c.doc.timeline.map((e) => e.text).join(' ')}>
        {() => (
          <ol class="nx-timeline">
            {c.doc.timeline.map((event, i) => (
              <li key={i}>
                <Time date={event.date} c={c} />
                <RichText runs={event.runs} c={c} /> <Marker ids={event.sources} c={c} />
              </li>
            ))}
          </ol>
        )}
      </Later>
    </details>
  );
}
