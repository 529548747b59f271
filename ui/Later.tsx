import type { VNode } from 'preact';
import type { Ctx } from './context.ts';

/**
 * The content of a closed disclosure. The server renders it in place. The widget asks for it
 * later (`c.later`): it paints the first screen first, then builds these in idle time, or at
 * once when a reader opens one, so the host page never waits for text nobody sees yet, and
 * find-in-page still finds it a moment later.
 */
export function Later({ c, children }: { c: Ctx; children: () => VNode }) {
  if (!c.later) return children();
  const slot = <div class="nx-later" />;
  c.later.push([slot, children]);
  return slot;
}
