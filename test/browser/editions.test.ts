/**
 * Editions as readers meet them: a Russian-language page gets the Russian edition with the
 * widget's Russian words, and two editions can stand side by side.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, axeViolations, host, launch, openEverything, rendered, watch } from './page.ts';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx.close();
});

/** The English words of the widget itself (not the explainer's), as the API serves them. */
async function englishWords(): Promise<string[]> {
  const en = (await (await fetch(`${api}/v1/strings/en.json`)).json()) as Record<string, unknown>;
  return Object.entries(en)
    .filter(([key]) => !['plural', 'dateDay', 'dateMonth'].includes(key))
    .flatMap(([, value]) => (Array.isArray(value) ? (value as unknown[]) : [value]))
    .map((text) => String(text).split('{')[0]!.trim())
    .filter((text) => text.length > 3);
}

/** Every string value in a JSON document (the explainer's own text). */
const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsOf)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(stringsOf)
        : [];

/** The widget's text and accessible names, less the explainer's own words when `doc` is given. */
async function widgetText(page: Page, selector: string, doc?: unknown): Promise<string> {
  const text = await page.evaluate((sel) => {
    const root = document.querySelector(sel)!.shadowRoot!;
    const labels = [...root.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label'));
    return [root.textContent, ...labels].join('\n');
  }, selector);
  const content = stringsOf(doc).sort((a, b) => b.length - a.length);
  return content.reduce((rest, s) => (s.length > 2 ? rest.split(s).join(' ') : rest), text);
}

describe('a Russian-language page (lang="ru-RU")', () => {
  it('gets the Russian edition with the widget in Russian, no English words of its own left', async () => {
    const { page, problems, apiRequests } = await watch(ctx);
    await page.goto(`${host}/article-ru.html`, { waitUntil: 'load' });
    await rendered(page);
    await openEverything(page);
    const seen = await page.evaluate(() => {
      const root = document.querySelector('news-explainer')!.shadowRoot!;
      return {
        lang: root.querySelector('article.nx')!.getAttribute('lang'),
        headings: [...root.querySelectorAll('h3')].map((h) => h.textContent),
        meta: root.querySelector('.nx-meta')!.textContent,
      };
    });
    expect(seen.lang).toBe('ru');
    expect(seen.headings).toEqual(['Ключевые факты', 'Почему это важно', 'Контекст']);
    expect(seen.meta).toMatch(/Обновлено \d{1,2} [а-я]+ 20\d\d г\./);
    const doc: unknown = await (await fetch(`${api}/v1/explainers/putin-baku-2024?lang=ru`)).json();
    const text = await widgetText(page, 'news-explainer', doc);
    for (const words of await englishWords()) expect(text, words).not.toContain(words);
    expect(apiRequests).toEqual([`${api}/v1/explainers/putin-baku-2024?lang=ru`]);
    expect(problems).toEqual([]);
  });

  it('names markers in Russian and has no WCAG 2.2 AA violations, collapsed or expanded', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-ru.html`, { waitUntil: 'load' });
    await rendered(page);
    expect(await page.locator('news-explainer .nx-facts a.nx-mark').first().getAttribute('aria-label')).toMatch(
      /^Источник 1: .+, \d{1,2} [а-я]+ 2024 г\.$/,
    );
    expect(await axeViolations(page, 'news-explainer')).toEqual([]);
    await openEverything(page);
    expect(await axeViolations(page, 'news-explainer')).toEqual([]);
  });
});

describe('two editions side by side', () => {
  it("opens the Corrections panel on our own corrections and updates, newest first, in each edition's words", async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/editions.html`, { waitUntil: 'load' });
    const changes = async (id: string, summary: string) => {
      await rendered(page, `#${id} news-explainer`);
      await page.locator(`#${id} news-explainer summary`, { hasText: summary }).click();
      return page
        .locator(`#${id} news-explainer .nx-changes > li`)
        .evaluateAll((items) =>
          items.map((li) => [li.textContent, li.querySelector('time')?.getAttribute('datetime')]),
        );
    };
    const en = await changes('en', 'Corrections');
    expect(en.length).toBeGreaterThan(0);
    // Newest first, each with its date, as readers are told: "Updated 1 December 2026: …".
    const dates = en.map(([, date]) => date!);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const [text] of en) expect(text).toMatch(/^(Updated|Corrected) \d{1,2} [A-Z][a-z]+ \d{4}: \S/);
    const ru = await changes('ru', 'Поправки');
    expect(ru.length).toBeGreaterThan(0);
    for (const [text] of ru) expect(text).toMatch(/^(Обновлено|Исправлено) \d{1,2}\s[а-я]+\s\d{4}/);
    expect(problems).toEqual([]);
  });

  it('render on one page with one request per edition', async () => {
    const { page, problems, apiRequests } = await watch(ctx);
    await page.goto(`${host}/editions.html`, { waitUntil: 'load' });
    for (const id of ['en', 'ru', 'en-again']) await rendered(page, `#${id} news-explainer`);
    const langs = await page.evaluate(() =>
      ['en', 'ru', 'en-again'].map(
        (id) => document.querySelector(`#${id} news-explainer`)!.shadowRoot!.querySelector('article')!.lang,
      ),
    );
    expect(langs).toEqual(['en', 'ru', 'en']);
    expect([...apiRequests].sort()).toEqual([
      `${api}/v1/explainers/putin-baku-2024?lang=en`,
      `${api}/v1/explainers/putin-baku-2024?lang=ru`,
    ]);
    expect(await widgetText(page, '#en news-explainer')).toContain('Key facts');
    expect(await widgetText(page, '#ru news-explainer')).toContain('Ключевые факты');
    expect(problems).toEqual([]);
  });

  it("keeps the reader's language in the fallback link when the API fails", async () => {
    const failing = await launch();
    try {
      const { page } = await watch(failing);
      await failing.route('**/v1/explainers/**', (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(`${host}/article-ru.html`, { waitUntil: 'load' });
      const link = page.locator('news-explainer .nx-failed a');
      await link.waitFor({ timeout: 15_000 });
      expect(await link.getAttribute('href')).toBe(`${api}/explainers/putin-baku-2024?lang=ru`);
      expect(await page.locator('news-explainer .nx-failed').innerText()).toContain('Не удалось загрузить');
    } finally {
      await failing.close();
    }
  });
});
