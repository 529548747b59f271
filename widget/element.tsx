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
import { explainerUrl, fetchExplainer, LoadError } from './api.ts';
import { buildOnOpen, openDeepLink, wire } from './behaviour.ts';
import type { Deferred } from '../ui/context.ts';
import { Failed, Loading } from './Status.tsx';
import { primary, loadStrings, stringsNow } from './strings.ts';
import { resolveTheme } from './theme.ts';

export const TAG = 'news-explainer';

/**
 * Replaces what the root shows. JSX in the widget builds DOM nodes (widget/jsx-dom.ts); its
 * static type is still Preact's element type, which the shared components are written against.
 */
function show(root: ShadowRoot, content?: unknown): void {
  if (content) root.replaceChildren(content as Node);
  else root.replaceChildren();
}
/** Prefixes what the widget says in the console, so publishers know who speaks. */
export const LOG = '[news-explainer]';

let sheet: CSSStyleSheet | null = null;

/** One constructable stylesheet shared by every instance (parsed once per page). */
function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    // Old browsers only (no constructable stylesheets); a strict CSP would block this <style>.
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/** Links in the fallback go to our own origin; only https, or http on a loopback dev server. */
function safeOriginHref(origin: string, path: string): string | null {
  return /^https:\/\/|^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?$/.test(origin) ? origin + path : null;
}

/**
 * Where explainers may come from: the origin embed.js was loaded from (set once, see embed.ts),
 * and the origins its script tag allow-lists with `data-allow-origins` for markup to name.
 */
export const config = { origin: '', allowed: new Set<string>() };

/** Origins that publisher code passed to `NewsExplainer.mount()`: trusted as written. */
const trustedOrigin = new WeakMap<Element, string>();

/** Records an origin given by publisher code (not markup anyone could post) for `el`. */
export function trustOrigin(el: Element, origin: string): void {
  trustedOrigin.set(el, origin);
}

/** The origin of an http(s) URL, or '' when the string is not one. */
export function originOf(value: string): string {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : '';
  } catch {
    return '';
  }
}

/**
 * Fetches an edition, or null when the server rendering named by `rendering` is current; a
 * language the explainer lacks falls back to its default language.
 */
function fetchEdition(
  origin: string,
  id: string,
  lang: string | null,
  rendering: string | null,
): Promise<ExplainerData | null> {
  return fetchExplainer(explainerUrl(origin, id, lang, rendering)).catch((err: unknown) =>
    lang && err instanceof LoadError && err.status === 404
      ? fetchExplainer(explainerUrl(origin, id, null))
      : // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on the fetch's own rejection as it came
        Promise.reject(err),
  );
}

/** The element's options: its attributes, and the `data-*` of scripts and placeholders. */
export const OPTIONS = ['explainer', 'lang', 'theme', 'origin'] as const;

export class NewsExplainerElement extends HTMLElement {
  static observedAttributes = OPTIONS;
  readonly #root: ShadowRoot;
  /** Bumped on every load so that a slow, superseded response never overwrites a newer one. */
  #generation = 0;
  readonly #onHash = () => openDeepLink(this.#root);

  constructor() {
    super();
    // attachShadow() on a declarative shadow root would empty it: keep the server's markup.
    this.#root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
    wire(this.#root, (card, open) => this.#emit('toggle', { id: this.#id, card, open }));
  }

  connectedCallback(): void {
    addEventListener('hashchange', this.#onHash);
    this.#load();
  }

  disconnectedCallback(): void {
    removeEventListener('hashchange', this.#onHash);
    this.#generation++;
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    // A new theme re-styles what is shown: nothing is fetched or rendered again.
    if (this.isConnected && oldValue !== newValue) (name === 'theme' ? this.#reapplyTheme : this.#load).call(this);
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
    const marked = this.getAttribute('origin');
    if (marked && config.allowed.has(originOf(marked))) return originOf(marked);
    return config.origin;
  }

  /**
   * The edition to ask for: the `lang` option; else the language the server rendered into a
   * snippet; else the page's, from the nearest ancestor with a `lang` attribute (`ru-RU` → `ru`).
   * A language the explainer lacks falls back to its default (fetchEdition).
   */
  get #lang(): string | null {
    const own = this.getAttribute('lang') || this.#shown?.lang;
    if (own) return own;
    const page = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return page ? primary(page) : null;
  }

  /** The explainer already in the root, rendered by us or by the server, if it is this one. */
  get #shown(): HTMLElement | null {
    const nx = this.#root.querySelector<HTMLElement>('article.nx');
    return nx?.dataset.id === this.#id ? nx : null;
  }

  #emit(type: string, detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(`news-explainer:${type}`, { detail, bubbles: true, composed: true }));
  }

  /** The theme, read from the page once per load: reading computed styles forces a style pass. */
  #theme = '';

  /** Colours that fit the page behind the element, set without re-rendering anything. */
  #applyTheme = (): void => {
    this.#root.querySelector('.nx')?.setAttribute('data-theme', this.#theme);
  };

  /** Once the page has loaded, its stylesheets apply: an async script may have run before. */
  #reapplyTheme = (): void => {
    this.#theme = resolveTheme(this);
    this.#applyTheme();
  };

  #load(): void {
    const generation = ++this.#generation;
    const id = this.#id;
    // Frameworks may insert the element before they set its attributes: wait for the id.
    if (!id) {
      show(this.#root);
      return;
    }
    // Before anything is inserted, so the forced style pass covers the host page alone.
    this.#theme = resolveTheme(this);
    try {
      if (!SLUG.test(id)) throw new LoadError(`invalid explainer id "${id}"`, 400);
      if (!this.#origin) throw new LoadError('no API origin', 0);
      const marked = this.getAttribute('origin');
      if (marked && !trustedOrigin.has(this) && !config.allowed.has(originOf(marked)))
        console.warn(`${LOG} origin="${marked}" ignored: not in data-allow-origins`);
      const lang = this.#lang;
      if (!this.#shown) this.#showLoading(lang);
      // The edition's words are fetched beside it (English needs no request).
      if (lang) void loadStrings(this.#origin, lang);
      // A server rendering asks only whether it is current: then no edition is downloaded.
      const rendering = this.#shown && this.getAttribute('rendering');
      fetchEdition(this.#origin, id, lang, rendering)
        // eslint-disable-next-line @typescript-eslint/await-thenable -- Promise.all passes the plain document through
        .then((doc) => doc && Promise.all([doc, loadStrings(this.#origin, doc.lang)]))
        .then((got) => generation === this.#generation && this.#paint(got, !!rendering))
        // Also catches a render that throws on a malformed document: the reader gets the fallback.
        .catch((err: unknown) => generation === this.#generation && this.#fail(id, err, generation));
    } catch (err) {
      this.#fail(id, err);
    }
  }

  #showLoading(lang: string | null): void {
    this.setAttribute('aria-busy', 'true');
    show(this.#root, <Loading t={stringsNow(lang)} />);
    this.#applyTheme();
  }

  /**
   * Shows `got` (an edition and its strings), or keeps the server's markup when `got` is null
   * (its rendering is current). `stale` says the server rendering was checked and is not.
   */
  #paint(got: readonly [ExplainerData, Strings] | null, stale: boolean): void {
    this.removeAttribute('aria-busy');
    const shown = this.#shown;
    // Server markup of this very rendering stays as it is: no second layout, no lost open card.
    // (A snippet without a rendering to check is current while its date and language are.)
    if (got && (!shown || stale || shown.dataset.updated !== got[0].updatedAt || shown.lang !== got[0].lang)) {
      const later: Deferred[] = [];
      show(this.#root, <Explainer doc={got[0]} t={got[1]} later={later} />);
      buildOnOpen(later);
    }
    this.#applyTheme();
    // An async script can run before the page's stylesheets apply: look at the page again once
    // it has loaded, so a dark site does not keep a light widget.
    if (document.readyState !== 'complete') addEventListener('load', this.#reapplyTheme, { once: true });
    openDeepLink(this.#root);
    // What is shown now, rendered by the server or just now: its article says which edition.
    const nx = this.#shown!;
    this.#emit('load', { id: this.#id, lang: nx.lang, updatedAt: nx.dataset.updated });
  }

  #fail(id: string, err: unknown, generation = this.#generation): void {
    const status = err instanceof LoadError ? err.status : 0;
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`${LOG} could not load explainer "${id}": ${message}`);
    this.removeAttribute('aria-busy');
    this.#emit('error', { id, status, message });
    // Server-rendered markup is still a whole explainer: better than any fallback message.
    if (this.#shown) return;
    // A missing or malformed explainer has no page to link to, and retrying cannot help.
    const gone = status === 400 || status === 404;
    // The explainer's own page, in the reader's language.
    const lang = this.#lang;
    const path = `/explainers/${id}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
    const href = !gone && this.#origin ? safeOriginHref(this.#origin, path) : null;
    const retry = gone ? undefined : () => this.#load();
    const render = (t: Strings) => {
      if (generation !== this.#generation) return;
      show(this.#root, <Failed t={t} href={href} onRetry={retry} />);
      this.#applyTheme();
    };
    // In the reader's language: its words may still be on their way (or fail: then English).
    render(stringsNow(lang));
    if (lang && this.#origin) void loadStrings(this.#origin, lang).then(render);
  }
}
