/**
 * @module embed.js: the one script publishers paste.
 *
 * - `<script async src=".../v1/embed.js" data-explainer="ID">` renders where the tag stands;
 * - `<div data-explainer="ID">` placeholders render wherever they are, now or later (SPAs);
 * - `<news-explainer explainer="ID">` works directly, also with a server-rendered shadow root;
 * - `<iframe data-explainer-frame src=".../explainers/ID">` frames get the height they report.
 * Exposes exactly one global, `window.NewsExplainer`. Loading the script twice is harmless.
 */
import type { Theme } from '../ui/theme.ts';
import { config, LOG, NewsExplainerElement, OPTIONS, originOf, TAG, trustedOrigin } from './element.tsx';

declare const __VERSION__: string;

export interface MountOptions {
  explainer: string;
  lang?: string;
  theme?: Theme;
  /** `lazy`: render when the reader comes within a viewport (as on `<img>`); default eager. */
  loading?: 'lazy' | 'eager';
  /**
   * API origin; defaults to the origin embed.js was loaded from. Given to `mount()` by publisher
   * code it is used as is; written in markup (`data-origin`, `origin=`) only when the script tag
   * allow-lists it with `data-allow-origins`.
   */
  origin?: string;
}

export interface NewsExplainerApi {
  version: string;
  /** Renders an explainer into `target` (or configures `target` if it is a <news-explainer>). */
  mount(target: Element, options: MountOptions): HTMLElement;
  /** Removes an explainer mounted into `target`. */
  unmount(target: Element): void;
  /** Renders every not-yet-rendered script or placeholder embed under `root`. */
  scan(root?: ParentNode): void;
}

declare global {
  interface Window {
    NewsExplainer?: NewsExplainerApi;
  }
}

/** Scripts and placeholders already embedded, so a rescan never embeds twice. */
const done = new WeakSet<Element>();

/**
 * Renders into `target`. `trusted` says the options come from publisher code (`mount()`), so
 * an `origin` among them is used as given; from markup it is only an attribute, honoured when
 * the script allow-lists it (element.tsx).
 */
function place(target: Element, options: MountOptions, trusted: boolean): HTMLElement {
  const el = target.localName === TAG ? (target as HTMLElement) : document.createElement(TAG);
  if (trusted && options.origin) trustedOrigin.set(el, options.origin);
  // Attributes first, insertion second: the element loads once, with its final settings.
  for (const key of OPTIONS) {
    const value = options[key];
    if (value && !(trusted && key === 'origin')) el.setAttribute(key, value);
  }
  if (el !== target) target.replaceChildren(el);
  return el;
}

const mount = (target: Element, options: MountOptions): HTMLElement => place(target, options, true);

function unmount(target: Element): void {
  (target.localName === TAG ? target : target.querySelector(TAG))?.remove();
}

function scan(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-explainer]')) {
    if (done.has(node)) continue;
    done.add(node);
    try {
      // A script's or placeholder's `data-*` options (place() takes only the OPTIONS, as attributes).
      const options = node.dataset as unknown as MountOptions;
      if (!(node instanceof HTMLScriptElement)) place(node, options, false);
      // A script without an id is a plain loader tag for placeholders.
      else if (options.explainer) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- body is null while a script in <head> runs
        if (document.body?.contains(node)) node.after(place(document.createElement(TAG), options, false));
        else console.warn(`${LOG} a script embed must be in <body>`); // docs/embedding.md: else a placeholder
      }
    } catch (err) {
      console.error(`${LOG} could not embed`, node, err);
    }
  }
}

/**
 * Iframe mode: `<iframe data-explainer-frame src="ORIGIN/explainers/ID">` frames size themselves.
 * Only a message from our origin, sent by that very frame's window, changes its height.
 */
function resizeFrames(e: MessageEvent): void {
  const data = e.data as { type?: string; height?: unknown } | null;
  if (e.origin !== config.origin || data?.type !== 'news-explainer:height') return;
  const h = Number(data.height);
  if (!(h > 0 && h < 100_000)) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-explainer-frame]'))
    if (frame.contentWindow === e.source) frame.height = String(Math.ceil(h));
}

/** The first copy of embed.js on the page configures itself and defines the element and the global. */
function install(): NewsExplainerApi {
  // Our configuration comes only from the element that loaded us. A tag manager that injects
  // us as a module leaves currentScript null: then we learn our URL from our own stack (never
  // from script tags in the page, which anyone who can post markup can plant) and take no
  // markup-given origins at all (publisher code passes them to mount()).
  const own = document.currentScript as HTMLScriptElement | null;
  config.origin = own?.src
    ? new URL(own.src).origin
    : (/https?:\/\/[^/\s]+(?=\/v1\/embed)/.exec(new Error().stack ?? '')?.[0] ?? location.origin);
  for (const o of (own?.dataset.allowOrigins ?? '').split(/\s+/)) config.allowed.add(originOf(o));
  config.allowed.delete(''); // not an origin: only valid ones may be allowed
  if (!customElements.get(TAG)) customElements.define(TAG, NewsExplainerElement);
  const api = Object.freeze({ version: __VERSION__, mount, unmount, scan });
  Object.defineProperty(window, 'NewsExplainer', { value: api, configurable: true });
  // Placeholders added later (single-page apps) are embedded in one batch per microtask.
  let queued = false;
  new MutationObserver((records) => {
    // Cheap filter: only a batch that adds elements can add placeholders.
    if (queued || !records.some((r) => r.addedNodes.length > 0)) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      scan();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('message', resizeFrames);
  return api;
}

try {
  // Loaded twice, the first copy's API scans for the second tag's embeds. Embeds the parser
  // inserts after this (a script in <head>) reach the first copy's MutationObserver.
  (window.NewsExplainer ?? install()).scan();
} catch (err) {
  // Never throw into the host page.
  console.error(`${LOG} failed to start`, err);
}
