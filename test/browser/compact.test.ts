/**
 * The compact explainer as readers and publishers meet it: the first screen's height, the
 * keyboard path, citations one activation away, zero layout shift, deep links, print and the
 * modes people set. Host pages are on a second origin (see servers.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPdftotext } from './pdftotext.ts';
import {
  api,
  axeViolations,
  holdEmbedJs,
  host,
  launch,
  openEverything,
  recordWidgetLoad,
  rendered,
  watch,
} from './page.ts';

const WIDTHS = [360, 700, 1280] as const;
/** Collapsed height budgets of the issue, by viewport width (1,280 px shares the 700 px one). */
const HEIGHT_BUDGET: Record<number, number> = { 360: 1400, 700: 900, 1280: 900 };
const ID = 'putin-baku-2024';

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await launch();
});
afterAll(async () => {
  await ctx.close();
});

/** What has focus, looking into the widget's shadow root. */
function focused(page: Page): Promise<{ inWidget: boolean; tag: string; card: string | null; id: string }> {
  return page.evaluate(() => {
    const outer = document.activeElement;
    const inner = outer?.shadowRoot?.activeElement ?? null;
    const el = inner ?? outer;
    return {
      inWidget: outer?.localName === 'news-explainer',
      tag: el?.localName ?? '',
      card: inner?.localName === 'summary' ? (inner.parentElement?.dataset.card ?? null) : null,
      id: el?.id ?? '',
    };
  });
}

/**
 * A network as slow as a reader's: the explainer's data (and, with `script`, embed.js too)
 * arrives 400 ms late, so what the page shows meanwhile (the snippet's markup, the loading
 * state) really is painted and measured.
 */
async function slowNetwork(page: Page, what: 'data' | 'script' = 'data'): Promise<void> {
  const later = () => new Promise((resolve) => setTimeout(resolve, 400));
  await page.route(what === 'script' ? '**/v1/**' : '**/v1/explainers/**', async (route) => {
    await later();
    await route.continue();
  });
}

/**
 * Layout shifts (without recent input), summed from the page's first paint on (`cls`), and
 * separately from the frame after the widget's element was first painted (`clsAfterInsert`):
 * the shift between the space the widget reserves and the explainer that replaces it. An async
 * script that arrives after the host's first paint also pushes later content down when it
 * inserts the element; no reserved space can avoid that one, the snippet does.
 */
async function observeShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number; clsAfterInsert: number; inserted: number };
    w.cls = 0;
    w.clsAfterInsert = 0;
    w.inserted = Infinity;
    new MutationObserver((_, observer) => {
      if (!document.querySelector('news-explainer')) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => (w.inserted = performance.now())));
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (e.hadRecentInput) continue;
        w.cls += e.value;
        if (e.startTime >= w.inserted) w.clsAfterInsert += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const shifts = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { cls: number; clsAfterInsert: number };
    return { cls: w.cls, afterInsert: w.clsAfterInsert };
  });

describe('the first screen', () => {
  for (const width of WIDTHS) {
    it(`is at most ${HEIGHT_BUDGET[width]} px tall collapsed at ${width} px wide on the demo page`, async () => {
      const { page, problems } = await watch(ctx);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${api}/`, { waitUntil: 'load' });
      await rendered(page);
      const height = await page.evaluate(
        () => document.querySelector('news-explainer')!.getBoundingClientRect().height,
      );
      console.log(`collapsed height at ${width} px: ${Math.round(height)} px`);
      expect(height).toBeLessThanOrEqual(HEIGHT_BUDGET[width]!);
      expect(height).toBeGreaterThan(300);
      expect(problems).toEqual([]);
    });
  }

  it('shows the title, summary, three facts, why it matters and card titles, and nothing else open', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${api}/`, { waitUntil: 'load' });
    await rendered(page);
    const seen = await page.evaluate(() => {
      const root = document.querySelector('news-explainer')!.shadowRoot!;
      const visible = (el: Element) => el.checkVisibility();
      return {
        facts: [...root.querySelectorAll('.nx-facts > li')].filter(visible).length,
        showAll: root.querySelector('.nx-more > summary')?.textContent,
        cards: [...root.querySelectorAll('details[data-card]')].map((d) => (d as HTMLDetailsElement).dataset.card),
        open: root.querySelectorAll('details[open]').length,
        cardSummaryVisible: visible(root.querySelector('details[data-card] .nx-lead')!),
        row: [...root.querySelectorAll('.nx-row > details > summary')].map((s) => s.textContent),
      };
    });
    expect(seen).toMatchObject({ facts: 3, showAll: 'Show all 8 key facts', open: 0, cardSummaryVisible: false });
    expect(seen.cards.slice(0, 2)).toEqual(['icc-warrant', 'cop29']);
    expect(seen.row).toEqual(['Timeline', 'Sources', 'Corrections']);
  });

  for (const viewport of [
    { width: 320, height: 640 },
    // 200 % zoom of a 1,280 × 800 window: the page lays out in 640 × 400 CSS pixels.
    { width: 640, height: 400 },
  ])
    it(`never scrolls sideways at ${viewport.width} px, collapsed or with everything open`, async () => {
      const narrow = await launch({ viewport });
      try {
        const { page } = await watch(narrow);
        await page.goto(`${api}/`, { waitUntil: 'load' });
        await rendered(page);
        const overflow = () =>
          page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(await overflow()).toBeLessThanOrEqual(0);
        await openEverything(page);
        expect(await overflow()).toBeLessThanOrEqual(0);
      } finally {
        await narrow.close();
      }
    });
});

describe('the keyboard path', () => {
  it('reaches the first background card within 8 Tab presses, with at most 20 stops in all', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    await page.focus('#before-link');
    let toFirstCard = 0;
    let stops = 0;
    for (let press = 1; press <= 60; press++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now.inWidget) break;
      stops++;
      if (!toFirstCard && now.card) {
        toFirstCard = press;
        expect(now.card).toBe('icc-warrant');
      }
    }
    console.log(`Tab presses to the first card: ${toFirstCard}; tab stops in the collapsed widget: ${stops}`);
    expect(toFirstCard).toBeGreaterThan(0);
    expect(toFirstCard).toBeLessThanOrEqual(8);
    expect(stops).toBeLessThanOrEqual(20);
  });

  it('a citation marker opens the Sources list, moves focus to its source and leaves the URL alone', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    const marker = page.locator('news-explainer .nx-facts a.nx-mark').first();
    const name = await marker.getAttribute('aria-label');
    expect(name).toMatch(/^Source 1: RFE\/RL, \d{1,2} [A-Z][a-z]+ 2024$/);
    const target = (await marker.getAttribute('href'))!.slice(1);
    await marker.focus();
    await page.keyboard.press('Enter');
    const now = await focused(page);
    expect(now).toMatchObject({ inWidget: true, tag: 'li', id: target });
    const state = await page.evaluate((id) => {
      const root = document.querySelector('news-explainer')!.shadowRoot!;
      const li = root.getElementById(id)!;
      return {
        listOpen: (li.closest('details') as HTMLDetailsElement).open,
        marked: li.classList.contains('nx-hit'),
        hash: location.hash,
        link: li.querySelector('a')?.href ?? '',
        text: li.textContent,
      };
    }, target);
    expect(state).toMatchObject({ listOpen: true, marked: true, hash: '' });
    // Scrolled into view (smoothly, unless the reader asked for less motion).
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const box = document.querySelector('news-explainer')!.shadowRoot!.getElementById(id)!.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }, target),
      )
      .toBe(true);
    expect(state.link).toMatch(/^https:\/\//);
    expect(state.text).toMatch(/RFE\/RL, \d{1,2} [A-Z][a-z]+ 2024/);
    expect(problems).toEqual([]);
  });

  it('a marker for several sources marks them all and names them', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    // The first marker of the first screen that cites more than one source.
    const marker = page.locator('news-explainer .nx-section a.nx-mark[data-cites*=" "]').first();
    expect(await marker.getAttribute('aria-label')).toMatch(/^(\d+ sources: \d+(, \d+){3,}|Sources \d+(, \d+){1,2})$/);
    await marker.click();
    const cited = (await marker.getAttribute('data-cites'))!.split(' ');
    const marked = await page.evaluate(() =>
      [...document.querySelector('news-explainer')!.shadowRoot!.querySelectorAll('.nx-hit')].map((li) =>
        li.id.replace('nx-src-', ''),
      ),
    );
    expect(marked.sort()).toEqual([...cited].sort());
  });
});

describe('zero layout shift', () => {
  for (const width of WIDTHS) {
    it(`the server-rendered snippet shifts nothing (CLS < 0.01) at ${width} px`, async () => {
      const { page, problems } = await watch(ctx);
      await page.setViewportSize({ width, height: 800 });
      await observeShifts(page);
      await slowNetwork(page, 'script');
      await page.goto(`${host}/article-snippet.html`, { waitUntil: 'load' });
      await rendered(page);
      await page.waitForFunction(() => (window as unknown as { NewsExplainer?: unknown }).NewsExplainer);
      await page.waitForTimeout(500);
      const { cls } = await shifts(page);
      console.log(`CLS snippet at ${width} px: ${cls.toFixed(4)}`);
      expect(cls).toBeLessThan(0.01);
      expect(problems).toEqual([]);
    });

    for (const mode of ['script', 'placeholder'])
      it(`the bare ${mode} embed's reserved space shifts the page by CLS < 0.05 at ${width} px`, async () => {
        const { page, problems } = await watch(ctx);
        await page.setViewportSize({ width, height: 800 });
        await observeShifts(page);
        await slowNetwork(page);
        await page.goto(`${host}/article-${mode}.html`, { waitUntil: 'load' });
        await page.locator('news-explainer .nx-loading').waitFor({ state: 'attached' });
        await rendered(page);
        await page.waitForFunction(() => !document.querySelector('news-explainer')!.hasAttribute('aria-busy'));
        await page.waitForTimeout(500);
        const { cls, afterInsert } = await shifts(page);
        console.log(`CLS ${mode} at ${width} px: ${afterInsert.toFixed(4)} (${cls.toFixed(4)} with the insertion)`);
        expect(afterInsert).toBeLessThan(0.05);
        expect(problems).toEqual([]);
      });
  }

  it('the snippet is taken over in place: the same nodes, no re-render, and it works', async () => {
    const held = await launch();
    try {
      const { page } = await watch(held);
      // The script arrives late, so the test can mark the server's nodes before it runs.
      const release = await holdEmbedJs(page);
      const loaded = await recordWidgetLoad(page);
      await page.goto(`${host}/article-snippet.html`, { waitUntil: 'domcontentloaded' });
      const before = await page.evaluate(() => {
        const nx = document.querySelector('news-explainer')!.shadowRoot!.querySelector('article.nx')!;
        (nx as unknown as { marked: boolean }).marked = true;
        return nx.querySelectorAll('*').length;
      });
      release();
      await loaded();
      const after = await page.evaluate(() => {
        const nx = document.querySelector('news-explainer')!.shadowRoot!.querySelector('article.nx')!;
        return {
          same: (nx as unknown as { marked?: boolean }).marked === true,
          count: nx.querySelectorAll('*').length,
        };
      });
      expect(after).toEqual({ same: true, count: before });
      // Behaviour arrives with the script: a marker now moves focus instead of changing the URL.
      await page.locator('news-explainer .nx-facts a.nx-mark').first().click();
      expect((await focused(page)).tag).toBe('li');
      expect(await page.evaluate(() => location.hash)).toBe('');
    } finally {
      await held.close();
    }
  });
});

describe('one set of components', () => {
  it('the widget builds the same markup the server renders into the snippet', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    // Closed disclosures hold plain text until opened; printing builds them all.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const standIns = await page.evaluate(
      () => document.querySelector('news-explainer')!.shadowRoot!.querySelectorAll('.nx-later').length,
    );
    expect(standIns).toBe(0);
    const built = await page.evaluate(() => {
      const nx = document.querySelector('news-explainer')!.shadowRoot!.querySelector('article.nx')!;
      nx.removeAttribute('data-theme');
      return nx.outerHTML;
    });
    const snippet = await (await fetch(`${api}/explainers/${ID}/snippet`)).text();
    const server = await page.evaluate((html) => {
      // Parsed as a browser parses the pasted snippet (declarative shadow DOM included).
      const doc = Document.parseHTMLUnsafe(html);
      const nx = doc.querySelector('news-explainer')!.shadowRoot!.querySelector('article.nx')!;
      nx.removeAttribute('data-theme');
      return nx.outerHTML;
    }, snippet);
    expect(built.length).toBeGreaterThan(10_000);
    expect(built).toBe(server);
  });
});

describe('without JavaScript', () => {
  it('the snippet renders the explainer, styled, with cards that open', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page, problems } = await watch(noJs);
      await page.goto(`${host}/article-snippet.html`, { waitUntil: 'load' });
      const seen = await page.evaluate(() => {
        const el = document.querySelector('news-explainer')!;
        const root = el.shadowRoot;
        return {
          shadow: root?.mode,
          title: root?.querySelector('.nx-title')?.textContent,
          border: root ? getComputedStyle(root.querySelector('.nx')!).borderTopWidth : '',
          height: el.getBoundingClientRect().height,
        };
      });
      expect(seen).toMatchObject({ shadow: 'open', border: '4px' });
      expect(seen.title).toContain('Putin');
      expect(seen.height).toBeGreaterThan(400);
      await page.locator('news-explainer details[data-card="cop29"] summary').click();
      // "300 billion" with the build's no-break space (\s matches it).
      expect(await page.locator('news-explainer details[data-card="cop29"] .nx-body').innerText()).toMatch(
        /300\sbillion/,
      );
      expect(problems).toEqual([]);
    } finally {
      await noJs.close();
    }
  });
});

describe('deep links', () => {
  it('open the named card in every embed of the explainer and scroll the first into view', async () => {
    const { page, problems } = await watch(ctx);
    await page.goto(`${host}/placeholders.html#${ID}-cop29`, { waitUntil: 'load' });
    for (const id of ['one', 'two', 'three']) await rendered(page, `#${id} news-explainer`);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('news-explainer')].map(
            (el) => el.shadowRoot!.querySelector<HTMLDetailsElement>('details[data-card="cop29"]')?.open,
          ),
        ),
      )
      .toEqual([true, true, true]);
    const top = await page.evaluate(
      () =>
        document
          .querySelector('#one news-explainer')!
          .shadowRoot!.querySelector('details[data-card="cop29"]')!
          .getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(100);
    expect(await page.evaluate(() => location.hash)).toBe(`#${ID}-cop29`);
    expect(problems).toEqual([]);
  });

  it('opening a card does not change the host page URL; a later hash change opens its card', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    await page.locator('news-explainer details[data-card="nagorno-karabakh"] summary').click();
    expect(page.url()).toBe(`${host}/article-script.html`);
    await page.evaluate((hash) => (location.hash = hash), `${ID}-aliyevs`);
    await expect
      .poll(() =>
        page.locator('news-explainer details[data-card="aliyevs"]').evaluate((d: HTMLDetailsElement) => d.open),
      )
      .toBe(true);
  });
});

describe('print', () => {
  it("prints every card open, with the sources' addresses", async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    const doc = JSON.parse(await (await fetch(`${api}/v1/explainers/${ID}`)).text()) as {
      background: { body: { text: string }[] }[];
      sources: { url: string }[];
    };
    const dir = mkdtempSync(join(tmpdir(), 'nx-print-'));
    await page.pdf({ path: join(dir, 'page.pdf') });
    execFileSync(findPdftotext(), ['-raw', join(dir, 'page.pdf'), join(dir, 'page.txt')]);
    // PDF text breaks lines anywhere: compare without whitespace.
    const text = readFileSync(join(dir, 'page.txt'), 'utf8').replace(/\s+/g, '');
    for (const card of doc.background) expect(text).toContain(card.body[0]!.text.replace(/\s+/g, '').slice(0, 60));
    expect(text).toContain(doc.sources[0]!.url.replace(/\s+/g, ''));
    // Back on screen, nothing was left open.
    expect(await page.locator('news-explainer details[open]').count()).toBe(0);
  });
});

describe('modes people set', () => {
  it('forced colours keep borders, disclosure markers and a visible focus indicator', async () => {
    const { page } = await watch(ctx);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    await page.focus('#before-link');
    await page.keyboard.press('Tab');
    const look = await page.evaluate(() => {
      const root = document.querySelector('news-explainer')!.shadowRoot!;
      const focusedEl = root.activeElement!;
      const ring = getComputedStyle(focusedEl);
      const card = root.querySelector('details[data-card]')!;
      return {
        outline: ring.outlineStyle,
        outlineWidth: parseFloat(ring.outlineWidth),
        cardBorder: getComputedStyle(card).borderTopStyle,
        marker: getComputedStyle(card.querySelector('summary')!, '::before').content,
      };
    });
    expect(look.outline).not.toBe('none');
    expect(look.outlineWidth).toBeGreaterThanOrEqual(2);
    expect(look.cardBorder).toBe('solid');
    expect(look.marker).toBe('"+" / ""'); // the sign, with empty alternative text
  });

  it('reduced motion: a marker jumps to its source without smooth scrolling', async () => {
    const { page } = await watch(ctx);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 700, height: 500 });
    await page.goto(`${host}/article-script.html`, { waitUntil: 'load' });
    await rendered(page);
    const before = await page.evaluate(() => scrollY);
    await page.locator('news-explainer .nx-facts a.nx-mark').first().click();
    // Read in the same task as the click's scroll: an instant scroll has already moved.
    expect(await page.evaluate(() => scrollY)).not.toBe(before);
  });

  it('has no WCAG 2.2 AA violations on the snippet page, collapsed or expanded', async () => {
    const { page } = await watch(ctx);
    await page.goto(`${host}/article-snippet.html`, { waitUntil: 'load' });
    await rendered(page);
    expect(await axeViolations(page, 'news-explainer')).toEqual([]);
    await openEverything(page);
    expect(await axeViolations(page, 'news-explainer')).toEqual([]);
  });
});
