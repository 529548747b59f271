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
  await ctx.close();
});

describe('every code the embed builder gives, pasted into an article', () => {
  for (const mode of ['snippet', 'script', 'placeholder', 'snippet_pinned', 'script_pinned', 'placeholder_pinned'])
    it(`${mode}: renders the explainer, with no errors or CSP violations`, async () => {
      const { page, problems } = await watch(ctx);
      if (mode.endsWith('_pinned')) {
        const code = await pasted(api, mode);
        expect(code).toMatch(
          /<script async src="[^"]+\/v1\/embed\.[0-9a-f]{16}\.js" integrity="sha384-[^"]+" crossorigin="anonymous"/,
        );
        expect(code).not.toContain('/v1/embed.js"');
      }
      await page.goto(`${host}/paste-${mode}.html`, { waitUntil: 'load' });
      await rendered(page);
      expect(await page.locator('news-explainer').count()).toBe(1);
      expect(problems).toEqual([]);
    });

  it('iframe: the frame renders the explainer and embed.js sizes it to its content', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/paste-iframe.html`, { waitUntil: 'load' });
    // The code's iframe is lazy (loading="lazy"): the browser attaches it when it lays the page out.
    await expect
      .poll(() => page.frames().some((f) => f.url().startsWith(`${api}/explainers/`)), { timeout: 15_000 })
      .toBe(true);
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

  it('previews the server-rendered snippet itself in snippet mode', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${api}/embed`, { waitUntil: 'load' });
    await rendered(page, '.preview news-explainer');
    expect(await page.locator('.preview news-explainer').count()).toBe(1);
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

  it('the visible Copy button copies the whole 40 KB snippet and announces it', async () => {
    const clip = await launch({ viewport: { width: 1280, height: 900 } });
    try {
      await clip.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api });
      const { page, problems } = await watch(clip);
      await page.goto(`${api}/embed`, { waitUntil: 'load' });
      const copy = page.getByRole('button', { name: /^Copy/ });
      expect(await copy.isVisible()).toBe(true);
      await copy.click();
      await expect.poll(() => page.getByRole('status').innerText()).toContain('Copied');
      const code = await page.locator('#embed-code').evaluate((el) => el.textContent);
      expect(code).toMatch(/^<news-explainer explainer="putin-baku-2024" rendering="[\w-]{27}">/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      expect(problems).toEqual([]);
    } finally {
      await clip.close();
    }
  });

  it('when the clipboard is refused, selects the code and says how to copy it', async () => {
    const { page } = await watch(ctx);
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
    });
    await page.goto(`${api}/embed?mode=placeholder`, { waitUntil: 'load' });
    await page.locator('#copy').click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Press Ctrl+C / ⌘C to copy');
    const seen = await page.evaluate(() => ({
      selected: getSelection()!.toString(),
      code: document.getElementById('embed-code')!.textContent,
      focused: document.activeElement?.localName,
    }));
    expect(seen.selected).toBe(seen.code);
    expect(seen.focused).toBe('pre');
  });

  it('shows the size of the code in UTF-8 bytes, not characters', async () => {
    const { page } = await watch(ctx);
    // The Russian edition: Cyrillic letters take two bytes each.
    await page.goto(`${api}/embed?lang=ru`, { waitUntil: 'load' });
    const { shown, bytes, chars } = await page.evaluate(() => {
      const code = document.getElementById('embed-code')!.textContent;
      return {
        shown: document.getElementById('code-size')!.textContent,
        bytes: new TextEncoder().encode(code).length,
        chars: code.length,
      };
    });
    expect(bytes).toBeGreaterThan(chars);
    expect(shown).toBe(`${bytes.toLocaleString('en-US')} bytes`);
    expect(bytes).toBeGreaterThan(10_000);
  });

  it('keeps the code box to a bounded height with its own scroll, focusable and named', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/embed`, { waitUntil: 'load' });
    const box = page.getByRole('region', { name: /^Embed code [\d,]+ bytes$/ });
    const size = await box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
    expect(size.client).toBeLessThan(size.scroll);
    // At most 16rem of code (256 px) and its 12 px padding above and below.
    expect(size.client).toBeLessThanOrEqual(256 + 24);
    await box.focus();
    expect(await page.evaluate(() => document.activeElement?.querySelector('#embed-code') !== null)).toBe(true);
    expect(await box.getAttribute('tabindex')).toBe('0');
  });

  it('at 1,280 × 900, shows the live preview beside the form: its heading and the widget on the first screen', async () => {
    const wide = await launch({ viewport: { width: 1280, height: 900 } });
    try {
      for (const mode of ['snippet', 'script', 'iframe']) {
        const { page, problems } = await watch(wide);
        await page.goto(`${api}/embed?mode=${mode}`, { waitUntil: 'load' });
        if (mode !== 'iframe') await rendered(page, '.preview news-explainer');
        const at = await page.evaluate(() => {
          const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
          return {
            scrollY: window.scrollY,
            heading: box('#preview-title'),
            widget: box('.preview news-explainer, .preview iframe'),
            form: box('#builder'),
            code: box('#embed-code'),
          };
        });
        expect(at.scrollY, mode).toBe(0);
        expect(at.heading.top, mode).toBeGreaterThanOrEqual(0);
        expect(at.heading.bottom, mode).toBeLessThanOrEqual(900);
        expect(at.widget.top, mode).toBeLessThan(900 - 100);
        // Side by side: the preview to the right of the form and the code.
        expect(at.heading.left, mode).toBeGreaterThan(at.form.right);
        expect(at.widget.left, mode).toBeGreaterThan(at.code.right);
        expect(problems, mode).toEqual([]);
        await page.close();
      }
    } finally {
      await wide.close();
    }
  });

  for (const width of [360, 700])
    it(`at ${width} px wide, stacks form, code and preview with no horizontal scroll`, async () => {
      const narrow = await launch({ viewport: { width, height: 800 } });
      try {
        const { page } = await watch(narrow);
        await page.goto(`${api}/embed`, { waitUntil: 'load' });
        await rendered(page, '.preview news-explainer');
        const at = await page.evaluate(() => {
          const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
          return {
            scrollWidth: document.documentElement.scrollWidth,
            form: box('#builder'),
            code: box('pre:has(#embed-code)'),
            preview: box('#preview-title'),
          };
        });
        expect(at.scrollWidth).toBeLessThanOrEqual(width);
        expect(at.code.top).toBeGreaterThanOrEqual(at.form.bottom);
        expect(at.preview.top).toBeGreaterThanOrEqual(at.code.bottom);
        expect(at.code.right).toBeLessThanOrEqual(width);
      } finally {
        await narrow.close();
      }
    });

  for (const colorScheme of ['light', 'dark'] as const)
    it(`axe finds no WCAG 2.2 AA violations on the whole page (${colorScheme} scheme, wide and narrow)`, async () => {
      for (const width of [1280, 360]) {
        const scheme = await launch({ viewport: { width, height: 900 }, colorScheme });
        try {
          const { page } = await watch(scheme);
          await page.goto(`${api}/embed?accent=%230b57d0`, { waitUntil: 'load' });
          await rendered(page, '.preview news-explainer');
          expect(await axeViolations(page, 'body'), `${colorScheme} ${width}`).toEqual([]);
        } finally {
          await scheme.close();
        }
      }
    });

  it('changing an option with the keyboard updates the page and keeps the focus on that option', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/embed?mode=script`, { waitUntil: 'load' });
    await page.locator('input[name="mode"][value="script"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/mode=placeholder/);
    await page.waitForLoadState('load');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('placeholder');
    expect(new URL(page.url()).hash).toBe('');
    // The focused control shows it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
  });

  it('works without JavaScript: a plain form, the code to select by hand, no dead Copy button', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await watch(noJs);
      await page.goto(`${api}/embed`, { waitUntil: 'load' });
      expect(await page.locator('#copy').isVisible()).toBe(false);
      await page.locator('input[name="mode"][value="script"]').check();
      await page.getByRole('button', { name: 'Update the preview' }).click();
      await page.waitForURL(/mode=script/);
      expect(await page.locator('#embed-code').innerText()).toMatch(/^<script async src="[^"]+\/v1\/embed\.js"/);
      expect(await page.locator('#code-size').innerText()).toMatch(/^\d+ bytes$/);
    } finally {
      await noJs.close();
    }
  });
});
