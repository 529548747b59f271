/**
 * @module `<news-explainer explainer="ID">`: the custom element every embed mode ends up as.
 *
 * The UI lives in an open shadow root with adopted stylesheets (no inline <style>, so a strict
 * CSP needs no 'unsafe-inline'). A root the server already rendered (the snippet's declarative
 * shadow root) is taken over in place. The element talks to the host page only through DOM
 * events: `news-explainer:load`, `news-explainer:error`, `news-explainer:toggle`.
 */
import type { Explainer as ExplainerData } from '../catalogue/schema.ts';
import { SLUG } from '../catalogue/patterns.ts';
import { Explainer } from '../ui/Explainer.tsx';
import type { Strings } from '../ui/strings/en.ts';
import css from '../ui/styles.css';
import waitingCss from './waiting.css';
import { explainerUrl, fetchExplainer, LoadError } from './api.ts';
import { buildOnOpen, openDeepLink, wire } from './behaviour.ts';
import type { Deferred } from '../ui/context.ts';
import { Failed, Loading, Waiting } from './Status.tsx';
import { primary, loadStrings, stringsNow } from './strings.ts';
import { resolveTheme } from './theme.ts';

export const TAG = 'news-explainer';
/** Prefixes what the widget says in the console, so publishers know who speaks. */
export const LOG = '[news-explainer]';

/** The whole stylesheet, and a waiting lazy embed's own: the :host rules (the first) and its few. */
const CSS = [css, css.slice(0, css.indexOf('.nx{')) + waitingCss];
const sheets: CSSStyleSheet[] = [];

/** One constructable stylesheet of each, shared by every instance (parsed once per page). */
function adoptStyles(root: ShadowRoot, which: 0 | 1 = 0): void {
  if ('adoptedStyleSheets' in root) {
    if (!sheets[which]) (sheets[which] = new CSSStyleSheet()).replaceSync(CSS[which]!);
    if (root.adoptedStyleSheets[0] !== sheets[which]) root.adoptedStyleSheets = [sheets[which]];
  } else {
    // No constructable stylesheets (Firefox < 101, Safari < 16.4): a strict CSP would block this <style>.
    const style = document.createElement('style');
    style.textContent = CSS[which]!;
    (root as ShadowRoot).append(style);
  }
}

/** Every connected element's restyle: called when the page may have switched its theme. */
const followers = new Set<(fresh: true) => void>();
/** The animation frame a restyle waits for (0: none), so a burst of changes reads the page once. */
let frame = 0;
let watching = false;

function restyleAll(): void {
  frame = 0;
  followers.forEach((restyle) => restyle(true));
}

/**
 * Reads the page in the next frame, before its style pass: the frame computes the page's styles
 * then anyway, so reading them costs no extra pass (read now, in a script's task, they would be
 * computed twice).
 */
const restyleSoon = () => (frame ||= requestAnimationFrame(restyleAll));

/**
 * Follows the page's theme live without polling: the reader's colour scheme changing, the page
 * switching a class, attribute or style on `html` or `body`, or its loading, re-reads it once, in
 * the next frame, for every element (an explicit `theme` answers without reading the page).
 * Nothing runs while nothing changes.
 */
function follow(restyle: (fresh: true) => void): void {
  followers.add(restyle);
  restyleSoon();
  if (watching) return;
  watching = true;
  matchMedia('(prefers-color-scheme:dark)').addEventListener('change', restyleSoon);
  // An async script can run before the page's stylesheets apply: the page's `load` (if it is
  // still to come) re-reads it too, so a dark site does not keep a light widget.
  addEventListener('load', restyleSoon);
  const watch = new MutationObserver(restyleSoon);
  // The DOM's types say `body` is always there; it is null in an element connected from <head>.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  for (const node of [document.documentElement, document.body]) if (node) watch.observe(node, { attributes: true });
}

/** Links in the fallback go to our own origin; only https, or http on a loopback dev server. */
const SAFE_ORIGIN = /^https:\/\/|^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?$/;

/**
 * Where explainers may come from: the origin embed.js was loaded from (set once, see embed.ts),
 * and the origins its script tag allow-lists with `data-allow-origins` for markup to name.
 */
export const config = { origin: '', allowed: new Set<string>() };

/** Origins that publisher code passed to `NewsExplainer.mount()` (not markup anyone could post): trusted as written. */
export const trustedOrigin = new WeakMap<Element, string>();

/** The origin of an http(s) URL, or '' when the string is not one. */
export function originOf(value: string): string {
  // Not even an attempt without a scheme: a thrown TypeError captures a stack, and this runs on
  // every load with no `origin` at all (profiled: ~8 ms of a lazy embed's start at 4× CPU).
  // (What passes this test and parses has an http(s) protocol: the URL parser reads the scheme so.)
  if (!/^https?:/i.test(value)) return '';
  try {
    return new URL(value).origin;
  } catch {
    return '';
  }
}

/** The element's options: its attributes, and the `data-*` of scripts and placeholders. */
export const OPTIONS = ['explainer', 'lang', 'theme', 'origin', 'loading'] as const;

export class NewsExplainerElement extends HTMLElement {
  static observedAttributes = OPTIONS;
  readonly #root: ShadowRoot;
  /** Bumped on every load so that a slow, superseded response never overwrites a newer one. */
  #generation = 0;
  /** A new deep link: opens its card; in a lazy embed still waiting, renders it first (#paint opens it). */
  readonly #onHash = () => (this.#lazy && location.hash.includes(this.#id) ? this.#load() : openDeepLink(this.#root));
  /** The theme last read from the page (in an animation frame: see restyleSoon). */
  #theme = '';

  constructor() {
    super();
    // attachShadow() on a declarative shadow root would empty it: keep the server's markup.
    const server = this.shadowRoot;
    this.#root = server ?? this.attachShadow({ mode: 'open' });
    // A server rendering comes styled (the snippet's <link>): a second, adopted copy of the same
    // rules would restyle every node of it. Adopted when our own content replaces it (#show), or
    // now if that stylesheet did not load (a CSP that blocks it, a failed request).
    if (server && !server.querySelector('link')?.sheet) adoptStyles(server);
    wire(this.#root, (card, open) => this.#emit('toggle', { id: this.#id, card, open }));
  }

  connectedCallback(): void {
    addEventListener('hashchange', this.#onHash);
    // `loading="lazy"`: render when the reader comes near, unless the server already rendered it
    // or the page's address names one of its cards (a deep link renders at once).
    if (this.getAttribute('loading') === 'lazy' && !this.#shown && !location.hash.includes(this.#id)) this.#wait();
    else this.#load();
  }

  disconnectedCallback(): void {
    removeEventListener('hashchange', this.#onHash);
    followers.delete(this.#applyTheme);
    this.#lazy?.disconnect();
    this.#generation++;
  }

  /** While a lazy embed waits: what watches for the reader. */
  #lazy?: IntersectionObserver;

  /**
   * A lazy embed reserves its space with a cheap labelled region linking the explainer's page
   * (screen-reader users find it) and requests nothing until the reader comes within a viewport.
   * Printing renders it at once, fetching its edition then (synchronously: print cannot wait).
   */
  #wait(): void {
    const id = this.#id;
    const origin = this.#origin;
    // Nothing to theme yet: the page is read when it loads (follow(), in #load).
    this.#show(<Waiting t={stringsNow(this.#lang)} href={this.#page} />, 1);
    const io = (this.#lazy = new IntersectionObserver((seen) => seen[0]!.isIntersecting && this.#load(), {
      rootMargin: '100%',
    }));
    io.observe(this);
    addEventListener(
      'beforeprint',
      () => {
        if (this.#lazy !== io) return;
        try {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', explainerUrl(origin, id, this.#lang), false);
          xhr.send();
          const doc = JSON.parse(xhr.responseText) as ExplainerData;
          io.disconnect();
          this.#paint([doc, stringsNow(doc.lang)], false, true);
        } catch {
          // Offline or failing: the page prints the region's link to the explainer instead.
        }
      },
      { once: true },
    );
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    // A new theme re-styles what is shown: nothing is fetched or rendered again.
    if (this.isConnected && oldValue !== newValue) {
      if (name === 'theme') this.#applyTheme(true);
      else this.#load();
    }
  }

  get #id(): string {
    return this.getAttribute('explainer') ?? '';
  }

  /**
   * Where this element fetches from. An `origin` written in markup (a placeholder's
   * `data-origin`, the element's attribute) is honoured only when the script tag allow-lists
   * it: anyone who can post HTML to a page can write markup, not publisher code.
   */
  get #origin(): string {
    const trusted = trustedOrigin.get(this);
    if (trusted) return trusted.replace(/\/+$/, '');
    // No attribute gives '', never allowed (embed.ts).
    const marked = originOf(this.getAttribute('origin') ?? '');
    return config.allowed.has(marked) ? marked : config.origin;
  }

  /**
   * The edition to ask for: the `lang` option; else the language the server rendered into a
   * snippet; else the page's, from the nearest ancestor with a `lang` attribute (`ru-RU` → `ru`).
   * A language the explainer lacks falls back to its default (#load).
   */
  get #lang(): string | null {
    const own = this.getAttribute('lang') || this.#shown?.lang;
    if (own) return own;
    const page = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return page ? primary(page) : null;
  }

  /** The explainer's own page, in the reader's language; null for an origin links may not go to. */
  get #page(): string | null {
    const origin = this.#origin;
    const lang = this.#lang;
    return SAFE_ORIGIN.test(origin)
      ? `${origin}/explainers/${this.#id}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`
      : null;
  }

  /** The explainer already in the root, rendered by us or by the server, if it is this one. */
  get #shown(): HTMLElement | null {
    const nx = this.#root.querySelector<HTMLElement>('article.nx');
    return nx?.dataset.id === this.#id ? nx : null;
  }

  #emit(type: string, detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(`news-explainer:${type}`, { detail, bubbles: true, composed: true }));
  }

  /**
   * Colours that fit the page behind the element, set without re-rendering anything. `fresh`
   * (a new `theme`, or the page may have switched its own: see follow()) reads the page again
   * first.
   */
  readonly #applyTheme = (fresh?: unknown): void => {
    if (fresh) this.#theme = resolveTheme(this);
    this.#root.querySelector('.nx')?.setAttribute('data-theme', this.#theme);
  };

  /**
   * Replaces what the root shows, if `content` is given, and themes it. JSX in the widget builds
   * DOM nodes (widget/jsx-dom.ts); its static type is still Preact's element type, which the
   * shared components are written against.
   */
  #show(content: unknown, sheet?: 1): void {
    if (content) {
      this.#root.replaceChildren(content as Node);
      adoptStyles(this.#root, sheet);
    }
    this.#applyTheme();
  }

  #load(): void {
    this.#lazy?.disconnect();
    this.#lazy = undefined;
    follow(this.#applyTheme);
    const generation = ++this.#generation;
    const id = this.#id;
    // Frameworks may insert the element before they set its attributes: wait for the id.
    if (!id) {
      this.#root.replaceChildren();
      return;
    }
    try {
      const origin = this.#origin;
      if (!SLUG.test(id)) throw new LoadError(`invalid explainer id "${id}"`, 400);
      if (!origin) throw new LoadError('no API origin', 0);
      const marked = this.getAttribute('origin');
      if (marked && !trustedOrigin.has(this) && !config.allowed.has(originOf(marked)))
        console.warn(`${LOG} origin="${marked}" ignored: not in data-allow-origins`);
      const lang = this.#lang;
      const shown = this.#shown;
      if (!shown) {
        this.setAttribute('aria-busy', 'true');
        this.#show(<Loading t={stringsNow(lang)} />);
      }
      // The edition's words are fetched beside it (English needs no request).
      if (lang) void loadStrings(origin, lang);
      // A server rendering asks only whether it is current: then no edition is downloaded.
      const rendering = shown && this.getAttribute('rendering');
      fetchExplainer(explainerUrl(origin, id, lang, rendering))
        // A language the explainer lacks falls back to its default language.
        .catch((err: unknown) =>
          lang && err instanceof LoadError && err.status === 404
            ? fetchExplainer(explainerUrl(origin, id, null))
            : // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on the fetch's own rejection as it came
              Promise.reject(err),
        )
        // eslint-disable-next-line @typescript-eslint/await-thenable -- Promise.all passes the plain document through
        .then((doc) => doc && Promise.all([doc, loadStrings(origin, doc.lang)]))
        .then((got) => generation === this.#generation && this.#paint(got, !!rendering))
        // Also catches a render that throws on a malformed document: the reader gets the fallback.
        .catch((err: unknown) => generation === this.#generation && this.#fail(id, err));
    } catch (err) {
      this.#fail(id, err);
    }
  }

  /**
   * Shows `got` (an edition and its strings), or keeps the server's markup when `got` is null
   * (its rendering is current). `stale` says the server rendering was checked and is not.
   */
  #paint(got: readonly [ExplainerData, Strings] | null, stale: boolean, whole?: boolean): void {
    this.removeAttribute('aria-busy');
    const shown = this.#shown;
    const later: Deferred[] = [];
    // Server markup of this very rendering stays as it is: no second layout, no lost open card.
    // (A snippet without a rendering to check is current while its date and language are.)
    this.#show(
      got && (!shown || stale || shown.dataset.updated !== got[0].updatedAt || shown.lang !== got[0].lang) && (
        // Printing needs every disclosure built at once (`whole`); else each waits to be opened.
        <Explainer doc={got[0]} t={got[1]} later={whole ? undefined : later} />
      ),
    );
    buildOnOpen(later);
    openDeepLink(this.#root);
    // What is shown now, rendered by the server or just now: its article says which edition.
    const nx = this.#shown!;
    this.#emit('load', { id: this.#id, lang: nx.lang, updatedAt: nx.dataset.updated });
  }

  #fail(id: string, err: unknown): void {
    const generation = this.#generation;
    const status = err instanceof LoadError ? err.status : 0;
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`${LOG} could not load explainer "${id}": ${message}`);
    this.removeAttribute('aria-busy');
    this.#emit('error', { id, status, message });
    // Server-rendered markup is still a whole explainer: better than any fallback message.
    if (this.#shown) return;
    // A missing or malformed explainer has no page to link to, and retrying cannot help.
    const retry = status === 400 || status === 404 ? undefined : () => this.#load();
    const lang = this.#lang;
    const origin = this.#origin;
    const href = retry && this.#page;
    const render = (t: Strings) =>
      generation === this.#generation && this.#show(<Failed t={t} href={href} onRetry={retry} />);
    // In the reader's language: its words may still be on their way (or fail: then English).
    render(stringsNow(lang));
    if (lang && origin) void loadStrings(origin, lang).then(render);
  }
}
