import { describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, rendered, watch } from './page.ts';
import { startWrangler } from './servers.ts';

describe('the demo page served by wrangler dev (as npm start serves it)', () => {
  // wrangler dev is started inside the test, so that vitest's retry starts a fresh one.
  it('renders the explainer, expands a card by keyboard, passes axe, logs no errors', async () => {
    const server = await startWrangler(inject('bundle'));
    const ctx = await launch();
    try {
      const { page, problems } = await watch(ctx);
      await page.goto(`${server.origin}/`, { waitUntil: 'domcontentloaded' });
      await rendered(page);
      expect(await page.locator('news-explainer details[data-card]').count()).toBe(7);
      const card = page.locator('news-explainer details[data-card="icc-warrant"]');
      await card.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await card.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      expect(problems).toEqual([]);
      // Last: axe-core injects a <style> of its own, which the page's strict CSP reports.
      expect(await axeViolations(page, 'news-explainer')).toEqual([]);
    } finally {
      await ctx.close();
      await server.stop();
    }
  });
});
