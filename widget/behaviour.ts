/**
 * @module What the explainer does when readers use it, wired once per shadow root by event
 * delegation. The same listeners serve markup the widget rendered and markup the server
 * rendered (the snippet's declarative shadow root), so taking over server markup needs no
 * re-render at all.
 */

import type { Deferred } from '../ui/context.ts';

/** Builders of closed disclosures' contents not built yet, by their stand-in (ui/Later.tsx). */
const pending = new Map<Element, () => unknown>();

function fill(slot: Element): void {
  const build = pending.get(slot);
  if (!build) return;
  pending.delete(slot);
  slot.replaceWith(build() as Node);
}

/** Builds what a disclosure holds, before it opens wherever we can, so no reader sees it bare. */
function fillIn(details: Element | null | undefined): void {
  details?.querySelectorAll(':scope > .nx-later').forEach(fill);
}

/** Registers the stand-ins of one rendering; each is built when its disclosure opens. */
export function buildOnOpen(items: Deferred[]): void {
  for (const [slot, build] of items) pending.set(slot as Element, build);
}

// Paper shows every disclosure open (styles.css): build whatever is still waiting.
addEventListener('beforeprint', () => pending.forEach((_, slot) => fill(slot)));

/**
 * Listens on `root` for marker activations and card toggles; `emit` tells the host page.
 *
 * @example wire(shadowRoot, (card, open) => el.dispatchEvent(…))
 */
export function wire(root: ShadowRoot, onToggle: (card: string, open: boolean) => void): void {
  root.addEventListener('click', (e) => {
    const target = e.target as Element;
    // Before the disclosure's default action opens it (keyboard activation clicks too).
    fillIn(target.closest('summary')?.parentElement);
    /*
     * A citation marker opens the Sources list, marks every source it cites, scrolls to the
     * first and moves focus there. Its `#nx-src-…` href would change the host page's URL and
     * find nothing (ids in a shadow root are not the document's), so the widget handles it.
     */
    const marker = target.closest<HTMLAnchorElement>('a.nx-mark');
    if (!marker) return;
    e.preventDefault();
    fillIn(root.querySelector('.nx-sources'));
    const items = (marker.dataset.cites ?? '').split(' ').flatMap((id) => root.getElementById(`nx-src-${id}`) ?? []);
    const first = items[0];
    if (!first) return;
    root.querySelectorAll('.nx-hit').forEach((el) => el.classList.remove('nx-hit'));
    items.forEach((el) => el.classList.add('nx-hit'));
    const list = first.closest('details');
    if (list) list.open = true;
    // Instantly when readers asked for less motion.
    const reduce = matchMedia('(prefers-reduced-motion:reduce)').matches;
    first.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'smooth' });
    first.focus({ preventScroll: true });
  });
  // `toggle` does not bubble; a capturing listener on the root still sees every disclosure's.
  // Find-in-page (or host code) can open a disclosure without a click: build it then.
  root.addEventListener(
    'toggle',
    (e) => {
      const details = e.target as HTMLDetailsElement;
      if (details.open) fillIn(details);
      if (details.dataset.card) onToggle(details.dataset.card, details.open);
    },
    true,
  );
}

/** The hash a deep link scrolled to last, so that only the first of several embeds scrolls. */
let scrolledFor = '';

/**
 * Opens the card the host page's URL names (`#<explainer-id>-<card-id>`), if it is one of
 * ours, and scrolls the first embed that has it into view. The host's URL is never changed.
 */
export function openDeepLink(root: ShadowRoot): void {
  let hash = '';
  try {
    hash = decodeURIComponent(location.hash.slice(1));
  } catch {
    // Not valid percent-encoding: any page may have any fragment, and a bad one must not stop the widget.
  }
  // No element has the id '' (no fragment); only cards, each a <details>, have a data-card.
  const card = root.getElementById(hash) as HTMLDetailsElement | null;
  if (!card?.dataset.card) return;
  fillIn(card);
  card.open = true;
  if (scrolledFor === hash) return;
  scrolledFor = hash;
  card.scrollIntoView({ block: 'start', behavior: 'instant' });
}

/** A new hash is a new deep link: the first embed holding it scrolls again. */
addEventListener('hashchange', () => (scrolledFor = ''));
