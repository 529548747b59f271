/**
 * `loading="lazy"` as publishers meet it (`data-loading`, the attribute, `mount()`): a lazy
 * embed far down an article requests nothing until the reader comes near, then renders
 * without moving what the reader sees; deep links and printing render it at once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPdftotext } from './pdftotext.ts';
import { host, launch, rendered, watch } from './page.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx.close();
});

/** Layout shifts the reader could see (not caused by their input), summed from page load. */
async function observeShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number };
    w.shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!e.hadRecentInput) w.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Whether the lazy embed's ICC card (the deep links' target) is open; undefined before it renders. */
function warrantOpen(page: Page): Promise<boolean | undefined> {
  return page.evaluate(
    () =>
      document
        .querySelector('#slot news-explainer')!
        .shadowRoot!.querySelector<HTMLDetailsElement>('#putin-baku-2024-icc-warrant')?.open,
  );
}

describe('a lazy embed four viewports down', () => {
  it('requests nothing until the reader scrolls near, shows a labelled link meanwhile, then renders with no visible shift', async () => {
    const { page, problems, apiRequests } = await watch(ctx);
    await observeShifts(page);
    await page.goto(`${host}/lazy.html`, { waitUntil: 'load' });
    await page.waitForTimeout(1500); // idle time: nothing may be fetched in it
    expect(apiRequests).toEqual([]);
    const waiting = page.locator('#slot news-explainer section.nx-waiting');
    expect(await waiting.getAttribute('aria-label')).toBe('Explainer');
    // The link to the explainer's page, in the page's language.
    expect(await waiting.locator('a').getAttribute('href')).toMatch(/\/explainers\/putin-baku-2024\?lang=en$/);
    /** The rules the embed's shadow root has adopted, and how its link looks. */
    const look = () =>
      page.evaluate(() => {
        const root = document.querySelector('#slot news-explainer')!.shadowRoot!;
        const link = root.querySelector('a');
        return {
          selectors: root.adoptedStyleSheets.flatMap((s) =>
            [...s.cssRules].map((r) => (r instanceof CSSStyleRule ? r.selectorText : '')),
          ),
          link: link && [getComputedStyle(link).color, getComputedStyle(link).backgroundColor],
        };
      });
    // Waiting, it parses none of the explainer's rules: only the host's and the region's own.
    const before = await look();
    expect(before.selectors).toContain(':host');
    expect(before.selectors).toContain('.nx-waiting');
    expect(before.selectors).not.toContain('.nx');
    // Its link reads on any page, light or dark, with no theme read: a white chip, our blue.
    expect(before.link).toEqual(['rgb(11, 87, 208)', 'rgb(255, 255, 255)']);
    await page.locator('#after').scrollIntoViewIfNeeded();
    await rendered(page, '#slot news-explainer');
    expect((await look()).selectors).toContain('.nx');
    expect(apiRequests).toHaveLength(1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.01);
    expect(problems).toEqual([]);
  });

  it('without loading="lazy", the same embed fetches at once', async () => {
    const { page, apiRequests } = await watch(ctx);
    await page.goto(`${host}/long-eager.html`, { waitUntil: 'load' });
    await rendered(page, '#slot news-explainer');
    expect(apiRequests).toHaveLength(1);
  });

  it('a deep link to one of its cards renders it at once, with the card open', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/lazy.html#putin-baku-2024-icc-warrant`, { waitUntil: 'load' });
    await rendered(page, '#slot news-explainer');
    expect(await warrantOpen(page)).toBe(true);
  });

  it('a link in the page to one of its cards, followed while it waits, renders it with the card open', async () => {
    const { page, apiRequests } = await watch(ctx);
    await page.goto(`${host}/lazy.html`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    expect(apiRequests).toEqual([]);
    // As the article's own <a href="#putin-baku-2024-icc-warrant"> would: the address changes, nothing else.
    await page.evaluate(() => (location.hash = '#putin-baku-2024-icc-warrant'));
    await rendered(page, '#slot news-explainer');
    await expect.poll(() => warrantOpen(page)).toBe(true);
  });

  it('a keyboard reader who tabs to its link keeps their place: the next Tab lands in the rendered explainer', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/lazy.html`, { waitUntil: 'load' });
    // The page has nothing focusable before the embed: the first Tab reaches the waiting link,
    // which scrolls it into view, and the embed renders in its place (the link is gone: focus
    // falls to the page, while Chromium keeps the reader's place in the tab order there).
    await page.keyboard.press('Tab');
    await rendered(page, '#slot news-explainer');
    await page.keyboard.press('Tab');
    // Where focus is now: the element, and the node inside the embed's shadow root.
    const next = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        host: el?.localName,
        inner: el?.shadowRoot?.activeElement?.closest<HTMLElement>('article.nx')?.dataset.id,
      };
    });
    // On in the explainer, not back at the top of the article.
    expect(next).toEqual({ host: 'news-explainer', inner: 'putin-baku-2024' });
  });

  it('printing the page prints it, never scrolled to', async () => {
    const { page, apiRequests } = await watch(ctx);
    await page.goto(`${host}/lazy.html`, { waitUntil: 'load' });
    expect(apiRequests).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'nx-lazy-print-'));
    await page.pdf({ path: join(dir, 'page.pdf') });
    execFileSync(findPdftotext(), ['-raw', join(dir, 'page.pdf'), join(dir, 'page.txt')]);
    const text = readFileSync(join(dir, 'page.txt'), 'utf8').replace(/\s+/g, '');
    expect(text).toContain("Putin'sstatevisittoAzerbaijan");
    expect(text).toContain('TheInternationalCriminalCourtandthewarrant');
  });

  it('mount() takes loading: "lazy" as the attribute does', async () => {
    const { page, apiRequests } = await watch(ctx);
    await page.goto(`${host}/lazy.html`, { waitUntil: 'load' });
    const loading = await page.evaluate(() => {
      const div = document.createElement('div');
      document.querySelector('.long')!.after(div);
      return window
        .NewsExplainer!.mount(div, { explainer: 'putin-baku-2024', loading: 'lazy' })
        .getAttribute('loading');
    });
    expect(loading).toBe('lazy');
    await page.waitForTimeout(500);
    expect(apiRequests).toEqual([]);
  });
});
