import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widget } from '../../generated/widget.ts';
import { api, axeViolations, host, launch, rendered, watch } from './page.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx.close();
});

describe('the widget is a guest on a publisher page (another origin, strict CSP)', () => {
  it('renders under a CSP without unsafe-inline, with no violations or errors', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/hostile.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    expect(problems).toEqual([]);
  });

  it("cannot be hidden or restyled by the host page's CSS", async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/hostile.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    await page.waitForLoadState('load'); // hostile.css has applied
    const look = await page.evaluate(() => {
      const el = document.querySelector('news-explainer')!;
      const root = el.shadowRoot!;
      const box = el.getBoundingClientRect();
      const p = getComputedStyle(root.querySelector('.nx-summary')!);
      const title = getComputedStyle(root.querySelector('h2')!);
      const hostStyle = getComputedStyle(el);
      return {
        height: box.height,
        display: hostStyle.display,
        visibility: hostStyle.visibility,
        opacity: hostStyle.opacity,
        bodyFont: p.fontSize,
        color: p.color,
        transform: p.textTransform,
        titleFont: title.fontSize,
        cardDisplay: getComputedStyle(root.querySelector('details')!).display,
      };
    });
    expect(look.height).toBeGreaterThan(300);
    expect(look).toMatchObject({
      display: 'block',
      visibility: 'visible',
      opacity: '1',
      transform: 'none',
      cardDisplay: 'block',
    });
    expect(look.bodyFont).toBe('16px');
    expect(look.titleFont).toBe('21px');
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.color).not.toBe('rgb(255, 0, 255)');
  });

  it('defines one global and leaves no cookies or storage behind', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/iframe.html`, { waitUntil: 'domcontentloaded' }); // a page without embed.js
    const baseline = await page.evaluate(() => Object.getOwnPropertyNames(window));
    await page.goto(`${host}/hostile.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const after = await page.evaluate(() => ({
      globals: Object.getOwnPropertyNames(window),
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
    }));
    const added = after.globals.filter((k) => !baseline.includes(k));
    expect(added).toEqual(['NewsExplainer']);
    expect(await page.evaluate(() => typeof window.NewsExplainer?.mount)).toBe('function');
    expect(after).toMatchObject({ cookie: '', local: 0, session: 0 });
    expect((await ctx.cookies()).length).toBe(0);
  });

  it('renders every placeholder with one request, even with the script included twice', async () => {
    const { page, problems, apiRequests } = await watch(ctx);
    await page.goto(`${host}/placeholders.html`, { waitUntil: 'domcontentloaded' });
    for (const id of ['one', 'two', 'three']) await rendered(page, `#${id} news-explainer`);
    // The page is <html lang="en">: the widget asks for that edition.
    expect(apiRequests).toEqual([`${api}/v1/explainers/putin-baku-2024?lang=en`]);
    expect(await page.locator('news-explainer').count()).toBe(3);
    expect(await page.locator('#three news-explainer .nx').getAttribute('data-theme')).toBe('dark');
    expect(problems).toEqual([]);
  });

  it("matches a dark host page and takes the publisher's accent colour", async () => {
    const { page } = await watch(ctx);
    // dark.css arrives late, after the widget has rendered: it must still end up dark.
    await page.goto(`${host}/dark.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    await expect
      .poll(() => page.locator('news-explainer .nx').getAttribute('data-theme'), { timeout: 15_000 })
      .toBe('dark');
    // The publisher's accent, set with a custom property on an ancestor, reaches inside.
    const accent = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('news-explainer')!.shadowRoot!.querySelector('.nx')!).borderTopColor,
    );
    expect(accent).toBe('rgb(255, 152, 0)');
    expect(await axeViolations(page, 'news-explainer')).toEqual([]);
  });

  it("follows the reader's dark system setting on a page that supports both schemes", async () => {
    const dark = await launch({ colorScheme: 'dark' });
    try {
      const { page } = await watch(dark);
      await page.goto(`${host}/scheme.html`, { waitUntil: 'domcontentloaded' });
      await rendered(page);
      expect(await page.locator('news-explainer .nx').getAttribute('data-theme')).toBe('auto');
      const bg = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('news-explainer')!.shadowRoot!.querySelector('.nx')!).backgroundColor,
      );
      expect(bg).toBe('rgb(23, 24, 26)');
    } finally {
      await dark.close();
    }
  });

  it('reserves space while loading', async () => {
    const slow = await launch();
    try {
      const { page } = await watch(slow);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await slow.route('**/v1/explainers/**', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${host}/hostile.html`, { waitUntil: 'domcontentloaded' });
      await page.locator('news-explainer .nx-loading').waitFor({ state: 'attached' });
      const box = await page.locator('news-explainer').boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(300);
      // The reserve's filler words take space only: find-in-page finds the loading message, and
      // after it no filler (window.find searches on from the match, as a reader's search does).
      const found = await page.evaluate(() => {
        const find = (window as unknown as { find: (text: string) => boolean }).find;
        return { message: find('Loading the explainer'), filler: find('xxxxx') };
      });
      expect(found).toEqual({ message: true, filler: false });
      // Nor does a reader who selects the whole page copy them.
      await page.keyboard.press('ControlOrMeta+A');
      const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
      expect(selected).toContain('Loading the explainer');
      expect(selected).not.toContain('xxxxx');
      expect(await page.locator('news-explainer').getAttribute('aria-busy')).toBe('true');
      release();
      await rendered(page);
      expect(await page.locator('news-explainer').getAttribute('aria-busy')).toBeNull();
    } finally {
      await slow.close();
    }
  });

  it('keeps a usable width in flex rows and shrink-to-fit boxes', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/flex.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page, 'aside news-explainer');
    await rendered(page, '.float-host news-explainer');
    await page.waitForLoadState('load'); // flex.css has applied
    for (const selector of ['aside news-explainer', '.float-host news-explainer']) {
      const box = await page.locator(selector).boundingBox();
      expect(box?.width, selector).toBeGreaterThan(250);
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(1024);
    }
  });

  it('works in a single-page app: elements and placeholders inserted after load', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/blank.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => !!window.NewsExplainer);
    await page.evaluate(() => {
      const app = document.getElementById('app')!;
      const el = document.createElement('news-explainer');
      el.setAttribute('explainer', 'putin-baku-2024');
      app.append(el);
      const div = document.createElement('div');
      div.id = 'later';
      div.dataset.explainer = 'putin-baku-2024';
      app.append(div);
    });
    await rendered(page, '#app > news-explainer');
    await rendered(page, '#later news-explainer');
    // A route change removes it; a new one renders again.
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    await page.evaluate(() => {
      const el = document.createElement('news-explainer');
      el.setAttribute('explainer', 'putin-baku-2024');
      document.getElementById('app')!.append(el);
    });
    await rendered(page, '#app > news-explainer');
    expect(problems).toEqual([]);
  });

  it('shows the reader a message and a link when the API fails, without an uncaught error', async () => {
    const failing = await launch();
    try {
      const { page, problems } = await watch(failing);
      await failing.route('**/v1/explainers/**', (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(`${host}/hostile.html`, { waitUntil: 'domcontentloaded' });
      const box = page.locator('news-explainer .nx-failed');
      await box.waitFor({ timeout: 15_000 });
      expect(await box.innerText()).toContain('could not be loaded');
      expect(await box.locator('a').getAttribute('href')).toBe(`${api}/explainers/putin-baku-2024?lang=en`);
      expect(problems.filter((p) => p.startsWith('uncaught'))).toEqual([]);
      expect(await axeViolations(page, 'news-explainer')).toEqual([]);
    } finally {
      await failing.close();
    }
  });

  it('ignores an origin written in markup it does not allow-list, and fetches only from its own', async () => {
    const { page, apiRequests } = await watch(ctx);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(`${host}/markup-origin.html`, { waitUntil: 'load' });
    await rendered(page, '#comment news-explainer');
    expect(asked.filter((u) => u.includes('evil.example'))).toEqual([]);
    expect(apiRequests).toEqual([`${api}/v1/explainers/putin-baku-2024?lang=en`]);
  });

  it('loads from the hashed URL with Subresource Integrity', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/blank.html`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(
      ({ src, integrity }) => {
        const div = document.createElement('div');
        div.id = 'pinned';
        const s = document.createElement('script');
        s.src = src;
        s.integrity = integrity;
        s.crossOrigin = 'anonymous';
        s.dataset.explainer = 'putin-baku-2024';
        div.append(s);
        document.body.append(div);
      },
      { src: `${api}/v1/embed.${widget.hash}.js`, integrity: widget.integrity },
    );
    await rendered(page);
    expect(problems).toEqual([]);
  });

  it('renders in an iframe-only CMS from the server; its only script reports its height', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/iframe.html`, { waitUntil: 'domcontentloaded' });
    const frame = page.frameLocator('iframe');
    await frame.locator('.nx-facts').first().waitFor();
    await frame.locator('details[data-card="cop29"] summary').click();
    expect(await frame.locator('details[data-card="cop29"]').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    // No widget code in the frame: the explainer is server-rendered, frame.js only reports heights.
    expect(
      await frame
        .locator('script[src]')
        .evaluateAll((ss) => ss.map((s) => new URL((s as HTMLScriptElement).src).pathname)),
    ).toEqual(['/v1/frame.js']);
    expect(problems).toEqual([]);
  });
});
