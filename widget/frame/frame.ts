/**
 * @module frame.js: the small script of the explainer's own page (`/explainers/:id`) when it is
 * framed. It tells the host how tall the page is, in the protocols hosts already speak, so a
 * host needs no script of ours:
 * - WordPress (wp-embed.js): `{ message: "height", value, secret }`, the secret from the frame
 *   URL's `#?secret=…`; it answers WordPress's `{ message: "ready" }`; source links, which a
 *   frame sandboxed without allow-popups cannot open, go through `{ message: "link" }` to our
 *   own redirect route (WordPress only follows links to the frame's host);
 * - AMP (`amp-iframe resizable`): `{ sentinel: "amp", type: "embed-size", height }`;
 * - plain pages with embed.js (`<iframe data-explainer-frame>`): `{ type: "news-explainer:height", height }`.
 * It never acts on what a parent sends, beyond answering "ready" with the height.
 */

const secret = /[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash)?.[1];
const framed = parent !== window;
let last = 0;

/** The document's rendered height (scrollHeight never shrinks below the frame's own height). */
const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height);

function post(force = false): void {
  const h = height();
  if (!framed || (!force && h === last)) return;
  last = h;
  if (secret) parent.postMessage({ message: 'height', value: h, secret }, '*');
  parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
  parent.postMessage({ type: 'news-explainer:height', height: h }, '*');
}

/** A card named in the frame URL's fragment (`#<explainer-id>-<card-id>`) opens. */
function openDeepLink(): void {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return; // not percent-encoding (e.g. `#?secret=x%`): no card to open, the heights go on
  }
  const card = document.getElementById(id);
  if (card instanceof HTMLDetailsElement) card.open = true;
}

openDeepLink();
addEventListener('hashchange', openDeepLink);
// Hidden frames (WordPress hides ours until its first height message) run no resize observers
// or animation frames in Chromium: post right away and on load, not only on change.
post(true);
addEventListener('load', () => post(true));
void document.fonts.ready.then(() => post());
if ('ResizeObserver' in window) new ResizeObserver(() => post()).observe(document.documentElement);
document.addEventListener('toggle', () => post(), true);
addEventListener('resize', () => post());
addEventListener('message', (e) => {
  const data = e.data as { message?: string; secret?: string } | null;
  if (e.source === parent && secret && data?.message === 'ready' && data.secret === secret) post(true);
});

// In a WordPress embed, a source link asks WordPress to open our redirect route for it.
document.addEventListener('click', (e) => {
  const link =
    e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('.nx-source-list a[href^="https:"]') : null;
  const source = link?.closest('li')?.id.replace(/^nx-src-/, '');
  const page = document.querySelector<HTMLElement>('article.nx')?.dataset.id;
  if (!secret || !framed || !link || !source || !page) return;
  e.preventDefault();
  parent.postMessage(
    { message: 'link', value: `${location.origin}/explainers/${page}/sources/${source}`, secret },
    '*',
  );
});
