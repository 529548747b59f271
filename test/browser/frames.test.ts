/**
 * Frames that size themselves, in the protocols real hosts speak: WordPress (oEmbed html after
 * its sanitising, secret, sandbox, wp-embed.js), AMP, and plain pages with embed.js; a frame of
 * another origin changes nothing.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, host, launch, watch } from './page.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch({ viewport: { width: 800, height: 900 } });
});
afterAll(async () => {
  await ctx.close();
});

const explainerFrame = (page: Page): Frame =>
  page.frames().find((f) => f.url().startsWith(`${api}/explainers/putin-baku-2024`))!;

/** The frame document's rendered height, measured inside it. */
const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

describe('a WordPress post with the explainer URL embedded (oEmbed)', () => {
  it('ends with the frame as tall as its content (clamped at 1,000 px), before and after opening a card', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/wordpress.html`, { waitUntil: 'load' });
    const iframe = page.locator('iframe.wp-embedded-content');
    expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts');
    expect(await iframe.getAttribute('src')).toMatch(/#\?secret=Ab3dE6gH9k$/);
    // Shown once the frame reported a height (WordPress hides it until then).
    await expect.poll(() => iframe.getAttribute('class'), { timeout: 15_000 }).toBe('wp-embedded-content');
    const frame = explainerFrame(page);
    const fits = async () => {
      const [h, content] = [Number(await iframe.getAttribute('height')), await contentHeight(frame)];
      return Math.abs(h - Math.min(Math.max(content, 200), 1000)) <= 4;
    };
    await expect.poll(fits, { timeout: 10_000 }).toBe(true);
    const before = Number(await iframe.getAttribute('height'));
    expect(before).toBeGreaterThan(400);

    await frame.locator('details[data-card="icc-warrant"] summary').click();
    // It grows with the card, unless the collapsed explainer already reached the 1,000 px clamp.
    if (before < 1000)
      await expect
        .poll(async () => Number(await iframe.getAttribute('height')), { timeout: 10_000 })
        .toBeGreaterThan(before);
    await expect.poll(fits, { timeout: 10_000 }).toBe(true);
    console.log(
      `WordPress frame: ${before} px collapsed, ${await iframe.getAttribute('height')} px with a card open (content ${await contentHeight(frame)} px)`,
    );
    expect(problems).toEqual([]);
  });

  it('opens a source through WordPress’s link message, to our redirect for that source', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/wordpress.html`, { waitUntil: 'load' });
    const frame = explainerFrame(page);
    await frame.locator('.nx-sources summary').click();
    const link = frame.locator('.nx-source-list li a').first();
    const href = await link.getAttribute('href');
    await link.click();
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { wpLog: [string, unknown][] }).wpLog.filter(([k]) => k === 'link')),
      )
      .toHaveLength(1);
    const value = await page.evaluate(
      () => (window as unknown as { wpLog: [string, string][] }).wpLog.find(([k]) => k === 'link')![1],
    );
    expect(value).toMatch(new RegExp(`^${api}/explainers/putin-baku-2024/sources/[a-z0-9-]+$`));
    const res = await fetch(value, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(href);
  });
});

describe('AMP and plain pages', () => {
  it('asks AMP for its size, and a plain page with embed.js sizes the frame; an impostor changes nothing', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/frames.html`, { waitUntil: 'load' });
    const ours = page.locator('#ours');
    const frame = explainerFrame(page);
    await expect
      .poll(async () => Math.abs(Number(await ours.getAttribute('height')) - (await contentHeight(frame))), {
        timeout: 15_000,
      })
      .toBeLessThanOrEqual(4);
    const sizes = await page.evaluate(() => (window as unknown as { ampSizes: number[] }).ampSizes);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.at(-1)).toBe(await contentHeight(frame));
    // The impostor (another origin) keeps posting "5 px" for a while: nothing moves.
    await page.waitForTimeout(600);
    expect(await page.locator('#impostor').getAttribute('height')).toBe('300');
    expect(Number(await ours.getAttribute('height'))).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  });
});
