/**
 * @module `<news-explainer explainer="ID">`: the custom element every embed mode ends up as.
 *
 * The UI lives in an open shadow root with adopted stylesheets (no inline <style>, so a strict
 * CSP needs no 'unsafe-inline'). The element talks to the host page only through DOM events:
 * `news-explainer:load`, `news-explainer:error`, `news-explainer:toggle`.
 */
import { render } from 'preact';
import { SLUG } from '../content/patterns.ts';
import { explainerUrl, fetchExplainer, LoadError } from './api.ts';
import { Explainer } from './components/Explainer.tsx';
import { Failed, Loading } from './components/Status.tsx';
import { resolveTheme } from './theme.ts';
import css from './styles.css';

export const TAG = 'news-explainer';
const LOG = '[news-explainer]';

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

/** The API origin, set once from the embed script's own `src` (see embed.ts). */
export const config = { origin: '' };

export class NewsExplainerElement extends HTMLElement {
  static observedAttributes = ['explainer', 'lang', 'theme', 'origin'];
  readonly #root: ShadowRoot;
  /** Bumped on every load so that a slow, superseded response never overwrites a newer one. */
  #generation = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
  }

  connectedCallback(): void {
    this.#load();
  }

  disconnectedCallback(): void {
    this.#generation++;
    render(null, this.#root);
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (this.isConnected && oldValue !== newValue) this.#load();
  }

  get #origin(): string {
    return (this.getAttribute('origin') || config.origin).replace(/\/+$/, '');
  }

  #emit(type: string, detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(`news-explainer:${type}`, { detail, bubbles: true, composed: true }));
  }

  #load(): void {
    const generation = ++this.#generation;
    const id = this.getAttribute('explainer') ?? '';
    const lang = this.getAttribute('lang');
    const theme = resolveTheme(this);
    // Frameworks may insert the element before they set its attributes: wait for the id.
    if (!id) return void render(null, this.#root);
    try {
      if (!SLUG.test(id)) throw new LoadError(`invalid explainer id "${id}"`, 400);
      if (!this.#origin) throw new LoadError('no API origin: load embed.js or set the origin attribute', 0);
      this.setAttribute('aria-busy', 'true');
      render(<Loading theme={theme} />, this.#root);
      fetchExplainer(explainerUrl(this.#origin, id, lang))
        // A language the explainer lacks: readers get its default language rather than nothing.
        .catch((err: unknown) =>
          lang && err instanceof LoadError && err.status === 404
            ? fetchExplainer(explainerUrl(this.#origin, id, null))
            : Promise.reject(err),
        )
        .then((doc) => {
          if (generation !== this.#generation) return;
          this.removeAttribute('aria-busy');
          const paint = () =>
            render(
              <Explainer
                doc={doc}
                theme={resolveTheme(this)}
                onToggle={(card, open) => this.#emit('toggle', { id, card, open })}
              />,
              this.#root,
            );
          paint();
          // An async script can run before the page's stylesheets apply: look at the page again
          // once it has loaded, so a dark site does not keep a light widget.
          if (document.readyState !== 'complete')
            addEventListener('load', () => generation === this.#generation && paint(), { once: true });
          this.#emit('load', { id, lang: doc.lang, updatedAt: doc.updatedAt });
        })
        // Also catches a render that throws on a malformed document: the reader gets the fallback.
        .catch((err: unknown) => generation === this.#generation && this.#fail(id, theme, err));
    } catch (err) {
      this.#fail(id, theme, err);
    }
  }

  #fail(id: string, theme: string, err: unknown): void {
    const status = err instanceof LoadError ? err.status : 0;
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`${LOG} could not load explainer "${id}": ${message}`);
    this.removeAttribute('aria-busy');
    // A missing or malformed explainer has no page to link to, and retrying cannot help.
    const gone = status === 400 || status === 404;
    const href = !gone && this.#origin ? safeOriginHref(this.#origin, `/explainers/${id}`) : null;
    render(<Failed theme={theme} href={href} onRetry={gone ? undefined : () => this.#load()} />, this.#root);
    this.#emit('error', { id, status, message });
  }
}
