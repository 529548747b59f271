import type { VNode } from 'preact';
import type { Ctx } from './context.ts';

interface Props {
  c: Ctx;
  /** The content's plain text: the widget's stand-in, so find-in-page finds it before it is built. */
  text: () => string;
  children: () => VNode;
}

/**
 * The content of a closed disclosure. The server renders it in place. The widget (`c.later`)
 * puts only its plain text there, as one text node, and builds the real content when a reader
 * opens the disclosure (or prints, or follows a marker or deep link to it): the host page pays
 * for the first screen only, and find-in-page still finds every word, opening the disclosure.
 */
export function Later({ c, text, children }: Props) {
  if (!c.later) return children();
  const slot = <div class="nx-later">{text()}</div>;
  c.later.push([slot, children]);
  return slot;
}
