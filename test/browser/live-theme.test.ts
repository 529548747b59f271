/**
 * The theme follows the page live (issue 13): with no explicit `theme`, the widget re-reads the
 * page when the reader's colour scheme changes and when the page switches its own theme, within
 * two frames, with no request and no re-render; an explicit theme does not move.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { host, launch, rendered, watch } from './page.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch({ colorScheme: 'light' });
});
afterAll(async () => {
  await ctx.close();
});

/** What a page's own theme switch does: its class on html, or a widget's `theme` attribute. */
interface Change {
  htmlClass?: string;
  theme?: { id: 'follows' | 'explicit'; value: string | null };
}

/** Both widgets' themes, two frames after `change` ran in the page (a frame or two, as promised). */
async function themesAfter(
  page: Page,
  change: Change = {},
): Promise<{ follows: string | null; explicit: string | null }> {
  return page.evaluate(async ({ htmlClass, theme }) => {
    if (htmlClass !== undefined) document.documentElement.className = htmlClass;
    if (theme) {
      const el = document.querySelector(`#${theme.id} news-explainer`)!;
      if (theme.value === null) el.removeAttribute('theme');
      else el.setAttribute('theme', theme.value);
    }
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const read = (id: string) =>
      document.querySelector(`#${id} news-explainer`)!.shadowRoot!.querySelector('.nx')!.getAttribute('data-theme');
    return { follows: read('follows'), explicit: read('explicit') };
  }, change);
}

async function open(): Promise<Awaited<ReturnType<typeof watch>>> {
  const watched = await watch(ctx);
  await watched.page.goto(`${host}/live-theme.html`, { waitUntil: 'load' });
  await rendered(watched.page, '#follows news-explainer');
  await rendered(watched.page, '#explicit news-explainer');
  // Mark the rendered articles: a re-render would replace them.
  await watched.page.evaluate(() =>
    document.querySelectorAll('news-explainer').forEach((el) => {
      (el.shadowRoot!.querySelector('.nx') as unknown as { marked: boolean }).marked = true;
    }),
  );
  return watched;
}

describe('a theme that follows the page, live', () => {
  it("follows the reader's colour scheme when it changes, within two frames; an explicit theme stays", async () => {
    const { page, apiRequests, problems } = await open();
    expect(await themesAfter(page)).toEqual({ follows: 'light', explicit: 'light' });
    const requests = apiRequests.length;
    // Two frames after the page itself learns of the change (the media query's change event):
    // how long the emulation takes to reach the page is the browser's, not the widget's.
    const afterSchemeChange = async (scheme: 'dark' | 'light') => {
      const seen = page.evaluate(
        () =>
          new Promise<{ follows: string | null; explicit: string | null }>((resolve) => {
            matchMedia('(prefers-color-scheme: dark)').addEventListener(
              'change',
              () =>
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => {
                    const read = (id: string) =>
                      document
                        .querySelector(`#${id} news-explainer`)!
                        .shadowRoot!.querySelector('.nx')!
                        .getAttribute('data-theme');
                    resolve({ follows: read('follows'), explicit: read('explicit') });
                  }),
                ),
              { once: true },
            );
          }),
      );
      await page.emulateMedia({ colorScheme: scheme });
      return seen;
    };
    expect(await afterSchemeChange('dark')).toEqual({ follows: 'dark', explicit: 'light' });
    expect(await afterSchemeChange('light')).toEqual({ follows: 'light', explicit: 'light' });
    // Re-styled in place: nothing fetched, nothing rendered again.
    expect(apiRequests.length).toBe(requests);
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('news-explainer')].every(
        (el) => (el.shadowRoot!.querySelector('.nx') as unknown as { marked?: boolean }).marked,
      ),
    );
    expect(marked).toBe(true);
    expect(problems).toEqual([]);
  });

  it("follows the page's own switch (a class on html), within two frames", async () => {
    const { page, apiRequests, problems } = await open();
    const requests = apiRequests.length;
    expect(await themesAfter(page, { htmlClass: 'dark' })).toEqual({
      follows: 'dark',
      explicit: 'light',
    });
    expect(await themesAfter(page, { htmlClass: 'light' })).toEqual({
      follows: 'light',
      explicit: 'light',
    });
    // A dark system setting, but the page says light: a light page keeps a light widget.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches);
    expect(await themesAfter(page)).toEqual({ follows: 'light', explicit: 'light' });
    expect(await themesAfter(page, { htmlClass: '' })).toEqual({
      follows: 'dark',
      explicit: 'light',
    });
    expect(apiRequests.length).toBe(requests);
    expect(problems).toEqual([]);
  });

  it('does nothing while nothing changes: no restyle of the widget', async () => {
    const { page } = await open();
    const mutations = await page.evaluate(async () => {
      let seen = 0;
      const observer = new MutationObserver((records) => (seen += records.length));
      for (const el of document.querySelectorAll('news-explainer'))
        observer.observe(el.shadowRoot!, { attributes: true, childList: true, subtree: true });
      await new Promise((done) => setTimeout(done, 500));
      observer.disconnect();
      return seen;
    });
    expect(mutations).toBe(0);
  });

  it('a changed explicit theme wins over the page, and removing it follows the page again', async () => {
    const { page } = await open();
    expect(await themesAfter(page, { htmlClass: 'dark', theme: { id: 'explicit', value: 'dark' } })).toEqual({
      follows: 'dark',
      explicit: 'dark',
    });
    expect(await themesAfter(page, { htmlClass: '', theme: { id: 'follows', value: 'dark' } })).toEqual({
      follows: 'dark',
      explicit: 'dark',
    });
    expect(await themesAfter(page, { theme: { id: 'follows', value: null } })).toEqual({
      follows: 'light',
      explicit: 'dark',
    });
  });
});
