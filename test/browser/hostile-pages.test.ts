/**
 * Host pages that plant markup or carry malformed fragments, in Chromium on another origin:
 * markup cannot configure the widget, and no fragment can stop it or its frame.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, host, launch, rendered, watch } from './page.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx.close();
});

describe('embed.js takes configuration only from the script that loaded it', () => {
  it('loaded as a module beside a planted <script data-news-explainer data-allow-origins>, asks nothing of that origin', async () => {
    const { page, problems, apiRequests } = await watch(ctx);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(`${host}/module-planted.html`, { waitUntil: 'load' });
    await rendered(page, '#comment news-explainer');
    expect(asked.filter((u) => u.includes('evil.example'))).toEqual([]);
    expect(apiRequests).toEqual([`${api}/v1/explainers/putin-baku-2024?lang=en`]);
    expect(problems).toEqual([]);
  });
});

describe('a malformed fragment is ignored, never fatal', () => {
  it('a frame loaded with #?secret=x% still posts its height to WordPress', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/blank.html`, { waitUntil: 'domcontentloaded' });
    const message = await page.evaluate(
      (src) =>
        new Promise<unknown>((resolve, reject) => {
          addEventListener('message', (e) => {
            const data = e.data as { message?: string } | null;
            if (data?.message === 'height') resolve(data);
          });
          const frame = document.createElement('iframe');
          frame.src = src;
          frame.title = 'Explainer';
          document.body.append(frame);
          setTimeout(() => reject(new Error('no height message within 15 s')), 15_000);
        }),
      `${api}/explainers/putin-baku-2024#?secret=x%`,
    );
    expect(message).toMatchObject({ message: 'height', secret: 'x' });
    expect((message as { value: number }).value).toBeGreaterThan(300);
  });

  it('a host hash #%E0%A4%A (not percent-encoding) leaves the widget working', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/article-script.html#%E0%A4%A`, { waitUntil: 'domcontentloaded' });
    await rendered(page);
    expect(problems).toEqual([]);
    // Deep links still work once the hash is a real one.
    await page.evaluate(() => (location.hash = '#putin-baku-2024-icc-warrant'));
    await page.waitForFunction(
      () =>
        document
          .querySelector('news-explainer')
          ?.shadowRoot?.querySelector<HTMLDetailsElement>('#putin-baku-2024-icc-warrant')?.open === true,
    );
  });
});
