/**
 * The server-rendered snippet as embed.js meets it: one small check (no preflight, no edition)
 * while its rendering is current, the current explainer when it is not; and the widget as
 * assistive technology and a theme switch meet it.
 */
import type { BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, holdEmbedJs, host, launch, recordWidgetLoad, rendered, watch } from './page.ts';

const ID = 'putin-baku-2024';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx.close();
});

/** Every request to our API's explainer routes, with its method and status once answered. */
function record(page: import('playwright-core').Page): { method: string; url: string; status: Promise<number> }[] {
  const seen: { method: string; url: string; status: Promise<number> }[] = [];
  page.on('request', (r: Request) => {
    if (r.url().startsWith(`${api}/v1/explainers`))
      seen.push({
        method: r.method(),
        url: r.url(),
        status: r.response().then((res) => res?.status() ?? 0),
      });
  });
  return seen;
}

describe('the snippet asks embed.js only whether it is current', () => {
  it('when current: one GET with its rendering, answered 204 without an edition, no preflight; an opened card stays open', async () => {
    const { page, problems } = await watch(ctx);
    const seen = record(page);
    // The script arrives late, as on a slow network: the reader opens a card before it runs.
    const release = await holdEmbedJs(page);
    const loaded = await recordWidgetLoad(page);
    await page.goto(`${host}/article-snippet.html`, { waitUntil: 'domcontentloaded' });
    await page.locator('news-explainer details[data-card="cop29"] > summary').click();
    release();
    await loaded();
    const rendering = await page.evaluate(() => document.querySelector('news-explainer')!.getAttribute('rendering'));
    expect(rendering).toMatch(/^[\w-]{27}$/);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${api}/v1/explainers/${ID}?lang=en&rendering=${rendering!}`,
    ]);
    expect(await seen[0]!.status).toBe(204);
    const open = await page.evaluate(
      () =>
        document
          .querySelector('news-explainer')!
          .shadowRoot!.querySelector<HTMLDetailsElement>('details[data-card="cop29"]')!.open,
    );
    expect(open).toBe(true);
    expect(problems).toEqual([]);
  });

  it('when stale (a correction, a change of our markup): replaced by the current explainer', async () => {
    const { page, problems } = await watch(ctx);
    const seen = record(page);
    const snippet = await (await fetch(`${api}/explainers/${ID}/snippet`)).text();
    const current = /<h2 id="nx-title" class="nx-title">([^<]+)</.exec(snippet)![1]!;
    // The host serves the snippet as pasted before a same-day correction: another rendering, an old title.
    expect(await (await fetch(`${host}/stale-snippet.html`)).text()).toContain('>An uncorrected title<');
    await page.goto(`${host}/stale-snippet.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(
      (title) =>
        document.querySelector('news-explainer')?.shadowRoot?.querySelector('h2.nx-title')?.textContent === title,
      current.replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&'),
    );
    expect(seen).toHaveLength(1);
    expect(await seen[0]!.status).toBe(200);
    // The server's stylesheet link went with its markup: the widget's own styles apply instead.
    const accentBorder = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('news-explainer')!.shadowRoot!.querySelector('article.nx')!)
          .borderTopWidth,
    );
    expect(accentBorder).toBe('4px');
    expect(problems).toEqual([]);
  });

  it('when current, is styled by its own stylesheet: no second copy is adopted', async () => {
    const { page } = await watch(ctx);
    const loaded = await recordWidgetLoad(page);
    await page.goto(`${host}/article-snippet.html`, { waitUntil: 'domcontentloaded' });
    await loaded();
    const styles = await page.evaluate(() => {
      const root = document.querySelector('news-explainer')!.shadowRoot!;
      return {
        adopted: root.adoptedStyleSheets.length,
        linked: !!root.querySelector('link')?.sheet,
        border: getComputedStyle(root.querySelector('article.nx')!).borderTopWidth,
      };
    });
    expect(styles).toEqual({ adopted: 0, linked: true, border: '4px' });
  });
});

describe('the widget to assistive technology and to a theme switch', () => {
  it('names every disclosure by its title alone: the +/− signs are not read', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const tree = await page.locator('news-explainer').ariaSnapshot();
    expect(tree).toContain('The International Criminal Court and the warrant');
    expect(tree).not.toMatch(/[+−] ?(The International|COP29|Timeline|Sources|Corrections|Show all)/);
    const names = await page
      .locator('news-explainer summary')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText));
    expect(names.length).toBeGreaterThan(8);
  });

  it('an explicit theme changed on the element re-styles it: no request, no re-render', async () => {
    const { page, apiRequests } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const before = apiRequests.length;
    const themes = await page.evaluate(async () => {
      const el = document.querySelector('news-explainer')!;
      const nx = el.shadowRoot!.querySelector('article.nx')!;
      (nx as unknown as { marked: boolean }).marked = true;
      const seen: (string | null)[] = [];
      for (const theme of ['dark', 'light', 'dark']) {
        el.setAttribute('theme', theme);
        await new Promise((r) => setTimeout(r, 50));
        const now = el.shadowRoot!.querySelector('article.nx')!;
        seen.push((now as unknown as { marked?: boolean }).marked ? now.getAttribute('data-theme') : 're-rendered');
      }
      return seen;
    });
    expect(themes).toEqual(['dark', 'light', 'dark']);
    expect(apiRequests.length).toBe(before);
  });
});

describe('typography in the widget', () => {
  it('the Russian title keeps «18–19 августа 2024 года» from breaking at the dash or before «года»', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-ru.html`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    const title = await page.evaluate(
      () => document.querySelector('news-explainer')!.shadowRoot!.querySelector('.nx-title')!.textContent,
    );
    expect(title).toContain('18–\u206019\u00a0августа 2024\u00a0года');
  });
});
