// The floor under two of issue 13's budgets: the least script that keeps the same promises on
// the same path, measured in the same run as embed.js. A budget below its floor cannot be met by
// a script embed that keeps those promises on this machine; the distance from the floor is what our code
// costs and the part worth working on.
//
// Plain JavaScript with no framework, no strings table, no theme, and none of our guest rules
// (`:host { all: initial !important … }`, which keep a host's CSS off the reserve): a floor keeps
// the path's promises to the reader, not every promise to the publisher. Each is served from the
// host pages' origin (a static file; embed.js measured the same from either origin) and calls the
// API's origin as embed.js does (a simple CORS GET, no preflight).

/**
 * A lazy script embed that only keeps the lazy path's promises before the reader scrolls: its
 * space reserved at once (the waiting region's own rules, in a shadow root, as embed.js reserves
 * it; its em are the page's, where ours are 16 px), a labelled region with a link to the explainer's page for screen readers, and an
 * IntersectionObserver within one viewport. It renders nothing when the reader comes near: the
 * bench's lazy comparison measures the page before the scroll.
 */
export function floorLazyJs(apiOrigin: string): string {
  return `(() => {
  const s = document.currentScript;
  const id = s.dataset.explainer;
  const el = document.createElement('news-explainer');
  const root = el.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = ':host{display:block}.nx-waiting{min-height:max(52em,calc(1911px - 148vw))}' +
    '.nx-waiting a{background:#fff;color:#0b57d0;padding:4px 8px}';
  const region = document.createElement('section');
  region.className = 'nx-waiting';
  region.setAttribute('aria-label', 'Explainer');
  const link = document.createElement('a');
  link.href = ${JSON.stringify(apiOrigin)} + '/explainers/' + encodeURIComponent(id);
  link.textContent = 'Read the explainer';
  region.append(link);
  root.append(style, region);
  s.after(el);
  const io = new IntersectionObserver((seen) => {
    if (seen[0].isIntersecting) io.disconnect();
  }, { rootMargin: '100%' });
  io.observe(el);
})();
`;
}

/**
 * The snippet's script reduced to its one duty: ask whether the server rendering is current
 * (the same GET …&rendering=… that embed.js sends, answered 204) and say so with
 * `news-explainer:load` (or `news-explainer:error`, which fails the bench's load at once). It
 * wires no behaviour (markers, deep links, toggle events): the cards open as native disclosures
 * without it.
 */
export function floorSnippetJs(apiOrigin: string): string {
  return `(() => {
  const el = document.querySelector('news-explainer[rendering]');
  // The rendering names its edition's language on its article, as embed.js reads it.
  const lang = el.getAttribute('lang') || el.shadowRoot.querySelector('article.nx').lang;
  const url = ${JSON.stringify(apiOrigin)} + '/v1/explainers/' + encodeURIComponent(el.getAttribute('explainer')) +
    '?lang=' + encodeURIComponent(lang) + '&rendering=' + el.getAttribute('rendering');
  const say = (type, detail) => el.dispatchEvent(new CustomEvent('news-explainer:' + type, { detail, bubbles: true, composed: true }));
  fetch(url).then(
    (res) => (res.status === 204 ? say('load', {}) : say('error', { status: res.status })),
    (err) => say('error', { message: String(err) }),
  );
})();
`;
}
