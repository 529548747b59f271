/**
 * @module Chromium pages with everything a test needs to see: console errors, uncaught
 * exceptions, CSP violations, and axe-core inside the widget's shadow root.
 */
import axe from 'axe-core';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../tools/chromium.ts';

export const api = inject('api');
const WRANGLER_LOG = join(import.meta.dirname, '..', '..', '.cache', 'wrangler-dev.log');
export const host = inject('host');

export async function launch(
  options: {
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    javaScriptEnabled?: boolean;
  } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nx-chromium-')), {
    executablePath: inject('chromium'),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1024, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    env: { ...process.env, XDG_CONFIG_HOME: join(tmpdir(), 'nx-xdg') },
  });
}

export interface Watched {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations, in order. */
  problems: string[];
  /** URLs requested from our API's explainer endpoints. */
  apiRequests: string[];
}

export async function watch(ctx: BrowserContext): Promise<Watched> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  const apiRequests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => r.url().includes('/v1/explainers/') && apiRequests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return { page, problems, apiRequests };
}

/** Waits until the widget inside `selector` has rendered its key facts; says what it saw if not. */
export async function rendered(page: Page, selector = 'news-explainer'): Promise<void> {
  try {
    // The loading state has no article (widget/Status.tsx); the data-id guard keeps an empty one out.
    await page
      .locator(`${selector} article.nx:not([data-id=""]) .nx-facts`)
      .first()
      .waitFor({ state: 'attached', timeout: 20_000 });
  } catch (err) {
    const seen = await page
      .evaluate((sel) => {
        const el = document.querySelector(sel);
        return el ? `<${el.localName}> shadow: ${el.shadowRoot?.textContent.slice(0, 200) ?? '(none)'}` : 'no element';
      }, selector)
      .catch((e: unknown) => `(page not readable: ${String(e)})`);
    const server = existsSync(WRANGLER_LOG) ? readFileSync(WRANGLER_LOG, 'utf8').slice(-1500) : '(no log)';
    throw new Error(`widget did not render in ${page.url()}: ${seen}\nwrangler dev log (tail):\n${server}`, {
      cause: err,
    });
  }
}

/**
 * axe-core's violations inside `selector` (shadow roots included): the WCAG 2.x A/AA rules
 * (up to 2.2 AA), or with `all` every rule, best practices included.
 */
export async function axeViolations(page: Page, selector: string, { all = false } = {}): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(axe.source);
  return page.evaluate(
    async ({ sel, everyRule }) => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(
        sel,
        everyRule ? {} : { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      );
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    },
    { sel: selector, everyRule: all },
  );
}

/**
 * Opens every disclosure in the widget, as a reader clicking through all of them would; each
 * one's content is built by its toggle, so this waits a task for those to run.
 */
export async function openEverything(page: Page, selector = 'news-explainer'): Promise<void> {
  await page.evaluate(
    (sel) =>
      new Promise<void>((resolve) => {
        document
          .querySelector(sel)!
          .shadowRoot!.querySelectorAll('details')
          .forEach((d) => (d.open = true));
        setTimeout(resolve, 0);
      }),
    selector,
  );
}

/**
 * Holds every request for embed.js until the returned function is called: the script arrives
 * late, as on a slow network, so a test can act on the server's markup before it runs.
 */
export async function holdEmbedJs(page: Page): Promise<() => void> {
  let release = () => {};
  const late = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/v1/embed.js', async (route) => {
    await late;
    await route.continue();
  });
  return release;
}

/** Notes the page's first `news-explainer:load` (call before goto); the returned wait resolves after it. */
export async function recordWidgetLoad(page: Page): Promise<() => Promise<unknown>> {
  await page.addInitScript(() =>
    document.addEventListener('news-explainer:load', () => ((window as unknown as { loaded: boolean }).loaded = true)),
  );
  return () => page.waitForFunction(() => (window as unknown as { loaded?: boolean }).loaded === true);
}
