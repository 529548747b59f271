import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, axeViolations, launch, openEverything, rendered, watch } from './page.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx.close();
});

describe('the demo page (the deploy bundle in workerd)', () => {
  it('renders the explainer where the snippet stands, inside an open shadow root', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const where = await page.evaluate(() => {
      const el = document.querySelector('news-explainer')!;
      return {
        scriptAfter: (el.nextElementSibling as HTMLScriptElement | null)?.src.endsWith('/v1/embed.js'),
        inArticle: !!el.closest('article.story'),
        shadowMode: el.shadowRoot?.mode,
        cards: el.shadowRoot?.querySelectorAll('details[data-card]').length,
        facts: el.shadowRoot?.querySelectorAll('.nx-facts > li').length,
      };
    });
    expect(where).toEqual({ scriptAfter: true, inArticle: true, shadowMode: 'open', cards: 7, facts: 8 });
    expect(problems).toEqual([]);
  });

  it('expands and collapses a card with the keyboard', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const card = page.locator('news-explainer details[data-card="cop29"]');
    const summary = card.locator('summary');
    await expect(card.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    await expect(card.locator('.nx-body').isVisible()).resolves.toBe(false);

    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(card.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    await expect(card.locator('.nx-body').isVisible()).resolves.toBe(true);
    await expect(card.locator('.nx-body').innerText()).resolves.toMatch(/300\sbillion/); // a no-break space (the build's typography)

    await page.keyboard.press('Space');
    await expect(card.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  it('reaches the cards by Tab alone', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    let reached = '';
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const active = document.querySelector('news-explainer')?.shadowRoot?.activeElement;
        return active?.localName === 'summary' ? (active.parentElement?.dataset.card ?? '') : '';
      });
    }
    expect(reached).toBe('icc-warrant');
  });

  it('expands a card by mouse or touch', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const card = page.locator('news-explainer details[data-card="nagorno-karabakh"]');
    await card.locator('summary').click();
    await expect(card.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
  });

  it('tells the host page when a card is toggled', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const detail = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.addEventListener('news-explainer:toggle', (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    );
    await page.locator('news-explainer details[data-card="aliyevs"] summary').click();
    await expect(detail).resolves.toEqual({ id: 'putin-baku-2024', card: 'aliyevs', open: true });
  });

  it('has no WCAG 2.2 AA violations, collapsed or expanded', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    expect(await axeViolations(page, 'news-explainer')).toEqual([]);
    expect(await axeViolations(page, 'html', { all: true })).toEqual([]);
    await openEverything(page);
    expect(await axeViolations(page, 'news-explainer')).toEqual([]);
  });

  it('the API reference (/docs) has no accessibility violations and runs under its CSP', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${api}/docs`, { waitUntil: 'load' });
    expect(await page.locator('h2, h3').count()).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    expect(await axeViolations(page, 'html', { all: true })).toEqual([]);
  });

  it('has no WCAG violations in dark mode either', async () => {
    const dark = await launch({ colorScheme: 'dark' });
    try {
      const { page } = await watch(dark);
      await page.goto(`${api}/explainers/putin-baku-2024?theme=dark`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await axeViolations(page, '.nx')).toEqual([]);
      // As a page of its own (iframe embed, readers' fallback): best practices too.
      expect(await axeViolations(page, 'html', { all: true })).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it('fits a 320 px wide phone screen without horizontal scrolling', async () => {
    const phone = await launch({ viewport: { width: 320, height: 640 } });
    try {
      const { page } = await watch(phone);
      await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
      await rendered(page);
      await openEverything(page);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        widget: document.querySelector('news-explainer')!.getBoundingClientRect().right,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      expect(widths.widget).toBeLessThanOrEqual(widths.viewport);
    } finally {
      await phone.close();
    }
  });

  it('links every source over https, opening outside the page; markers stay inside the widget', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const links = await page.evaluate(() =>
      [...document.querySelector('news-explainer')!.shadowRoot!.querySelectorAll('a:not(.nx-mark)')].map((a) => ({
        href: (a as HTMLAnchorElement).href,
        rel: (a as HTMLAnchorElement).rel,
        target: (a as HTMLAnchorElement).target,
      })),
    );
    const markers = await page.evaluate(() =>
      [...document.querySelector('news-explainer')!.shadowRoot!.querySelectorAll('a.nx-mark')].map((a) =>
        a.getAttribute('href'),
      ),
    );
    expect(markers.length).toBeGreaterThan(30);
    for (const href of markers) expect(href).toMatch(/^#nx-src-[a-z0-9-]+$/);
    expect(links.length).toBeGreaterThan(40);
    for (const link of links)
      expect(link).toMatchObject({
        href: expect.stringMatching(/^https:\/\//) as string,
        rel: 'noopener noreferrer',
        target: '_blank',
      });
  });
});
