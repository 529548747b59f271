/**
 * The API reference (/docs) in Chromium: accessible (axe), quiet (no console errors or CSP
 * violations), and readable on a phone: the page never scrolls sideways; its wide tables and
 * code scroll in their own boxes, which a keyboard can reach.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, axeViolations, launch, watch } from './page.ts';

const WIDTHS = [360, 1280] as const;
const contexts = new Map<number, BrowserContext>();

beforeAll(async () => {
  for (const width of WIDTHS) contexts.set(width, await launch({ viewport: { width, height: 800 } }));
});
afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.close();
});

describe('/docs, the API reference', () => {
  for (const width of WIDTHS)
    it(`at ${width} px: no axe violations, no console errors, no sideways scroll of the page`, async () => {
      const { page, problems } = await watch(contexts.get(width)!);
      const res = await page.goto(`${api}/docs`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await axeViolations(page, 'body')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Whatever scrolls sideways inside the page can be reached and is named.
      const unreachable = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX))
          .filter((el) => el.tabIndex < 0 || !el.getAttribute('aria-label'))
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unreachable).toEqual([]);
      expect(problems).toEqual([]);
    });

  it('passes every axe rule, best practices included, and its contents links land on their sections', async () => {
    const { page, problems } = await watch(contexts.get(1280)!);
    await page.goto(`${api}/docs`, { waitUntil: 'load' });
    expect(await axeViolations(page, 'html', { all: true })).toEqual([]);
    const link = page.locator('nav ol ol a').first(); // the first operation
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
    const top = await page.locator(href).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(40);
    expect(problems).toEqual([]);
  });
});
