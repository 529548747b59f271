/**
 * The embed builder (/embed): every code it gives works when pasted into a publisher's page,
 * its preview is the real widget, and copying is announced to screen readers.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, axeViolations, host, launch, rendered, watch } from './page.ts';
import { pasted } from './servers.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx?.close();
});

describe('every code the embed builder gives, pasted into an article', () => {
  for (const mode of ['snippet', 'script', 'placeholder'])
    it(`${mode}: renders the explainer, with no errors or CSP violations`, async () => {
      const { page, problems } = await watch(ctx);
      await page.goto(`${host}/paste-${mode}.html`, { waitUntil: 'load' });
      await rendered(page);
      expect(await page.locator('news-explainer').count()).toBe(1);
      expect(problems).toEqual([]);
    });

  it('iframe: the frame renders the explainer and embed.js sizes it to its content', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/paste-iframe.html`, { waitUntil: 'load' });
    const frame = page.frames().find((f) => f.url().startsWith(`${api}/explainers/`))!;
    await frame.locator('.nx-facts').first().waitFor();
    const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await expect
      .poll(async () => Math.abs(Number(await page.locator('iframe').getAttribute('height')) - (await content())), {
        timeout: 15_000,
      })
      .toBeLessThanOrEqual(4);
    expect(problems).toEqual([]);
  });

  it('amp and wordpress: an amp-iframe and a page address that serve the explainer and its oEmbed', async () => {
    const amp = await pasted(api, 'amp');
    expect(amp).toMatch(/^<amp-iframe [^>]*resizable[^>]*sandbox="allow-scripts allow-same-origin allow-popups"/);
    expect(amp).toContain('<button overflow type="button">');
    const src = /src="([^"]+)"/.exec(amp)![1]!;
    expect((await fetch(src)).status).toBe(200);
    const url = (await pasted(api, 'wordpress')).trim();
    expect(url).toBe(`${api}/explainers/putin-baku-2024`);
    const discovery = /type="application\/json\+oembed" href="([^"]+)"/.exec(await (await fetch(url)).text())![1]!;
    expect((await fetch(discovery.replace(/&amp;/g, '&'))).status).toBe(200);
  });
});

describe('the embed builder page', () => {
  it('previews the real widget in the chosen configuration and updates on change', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${api}/embed?mode=placeholder&theme=dark&accent=%23cc0000`, { waitUntil: 'load' });
    await rendered(page, '.preview news-explainer');
    const look = await page.evaluate(() => {
      const nx = document.querySelector('.preview news-explainer')!.shadowRoot!.querySelector('.nx')!;
      return { theme: nx.getAttribute('data-theme'), accent: getComputedStyle(nx).borderTopColor };
    });
    expect(look).toEqual({ theme: 'dark', accent: 'rgb(204, 0, 0)' });
    await page.locator('input[name="mode"][value="script"]').check();
    await page.waitForURL(/mode=script/);
    expect(await page.locator('#embed-code').innerText()).toMatch(
      /^<script async src="[^"]+\/v1\/embed\.js" data-explainer="putin-baku-2024" data-theme="dark"><\/script>$/,
    );
    expect(problems).toEqual([]);
  });

  it('copies the code and says so to screen readers; no accessibility violations', async () => {
    const clip = await launch();
    try {
      await clip.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api });
      const { page } = await watch(clip);
      await page.goto(`${api}/embed?mode=script`, { waitUntil: 'load' });
      await page.locator('#copy').click();
      await expect.poll(() => page.locator('[role="status"]#copy-status').innerText()).toContain('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await page.locator('#embed-code').innerText(),
      );
      expect(await axeViolations(page, 'html', { all: true })).toEqual([]);
    } finally {
      await clip.close();
    }
  });
});
