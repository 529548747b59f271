import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { content } from '../../generated/content.ts';
import { widget } from '../../generated/widget.ts';

const DOC = content.explainers['putin-baku-2024']!.langs.en!;
const ORIGIN = 'https://api.example';

let fetchMock: Mock<(url: string, init?: RequestInit) => Promise<Response>>;
let globalsBefore: Set<string>;

beforeAll(async () => {
  globalsBefore = new Set(Object.getOwnPropertyNames(window));
  // embed.ts starts on import, exactly as the script does on a page.
  await import('../../widget/embed.ts');
});

beforeEach(() => {
  fetchMock = vi.fn(async (url: string) =>
    url.includes('/v1/explainers/putin-baku-2024')
      ? new Response(DOC.body, { status: 200, headers: { 'Content-Type': 'application/json' } })
      : new Response('{"status":404}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

const settle = () => new Promise((r) => setTimeout(r, 20));

/** An element configured as publisher code does it (`mount()`: its origin is trusted). */
function element(id: string, attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('news-explainer');
  return window.NewsExplainer!.mount(el, { explainer: id, origin: ORIGIN, ...attrs });
}

describe('the embed script', () => {
  it('defines exactly one global, window.NewsExplainer', () => {
    const added = Object.getOwnPropertyNames(window).filter((k) => !globalsBefore.has(k));
    expect(added).toEqual(['NewsExplainer']);
    expect(typeof window.NewsExplainer?.mount).toBe('function');
    expect(customElements.get('news-explainer')).toBeDefined();
  });

  it('renders <div data-explainer> placeholders added after load (single-page apps)', async () => {
    const div = document.createElement('div');
    div.dataset.explainer = 'putin-baku-2024';
    div.dataset.origin = ORIGIN;
    document.body.append(div);
    await settle();
    const el = div.querySelector('news-explainer')!;
    expect(el.getAttribute('explainer')).toBe('putin-baku-2024');
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe(DOC.data.title);
  });

  it('mount() renders into any element', async () => {
    const host = document.createElement('section');
    document.body.append(host);
    const el = window.NewsExplainer!.mount(host, { explainer: 'putin-baku-2024', origin: ORIGIN, theme: 'dark' });
    await settle();
    expect(el.shadowRoot?.querySelector('.nx')?.getAttribute('data-theme')).toBe('dark');
  });
});

describe('<news-explainer>', () => {
  it('uses an open shadow root', async () => {
    const el = element('putin-baku-2024');
    document.body.append(el);
    await settle();
    expect(el.shadowRoot).not.toBeNull();
    expect(el.shadowRoot!.mode).toBe('open');
  });

  it('makes one request for several embeds of the same explainer', async () => {
    // A fresh origin, so that no earlier test's response is reused.
    const fresh = { origin: 'https://fresh.example' };
    document.body.append(
      element('putin-baku-2024', fresh),
      element('putin-baku-2024', fresh),
      element('putin-baku-2024', fresh),
    );
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('https://fresh.example/v1/explainers/putin-baku-2024');
    for (const el of document.querySelectorAll('news-explainer'))
      expect(el.shadowRoot?.querySelector('.nx-facts')).not.toBeNull();
  });

  it('fetches without credentials and without sending the page as referrer', async () => {
    document.body.append(element('putin-baku-2024', { lang: 'en' }));
    await settle();
    const [url, init] = fetchMock.mock.calls.at(-1)! as [string, RequestInit];
    expect(url).toBe(`${ORIGIN}/v1/explainers/putin-baku-2024?lang=en`);
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(init.headers).toBeUndefined();
  });

  it('announces load and card toggles to the host page as DOM events', async () => {
    const el = element('putin-baku-2024');
    const loaded = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('news-explainer:load', (e) => resolve(e as CustomEvent)),
    );
    document.body.append(el);
    expect((await loaded).detail).toMatchObject({ id: 'putin-baku-2024', lang: 'en' });
  });

  it('shows a readable fallback with a link when the API fails, and throws nothing', async () => {
    fetchMock.mockImplementationOnce(async () => new Response('upstream down', { status: 503 }));
    const errors: unknown[] = [];
    window.addEventListener('error', (e) => errors.push(e));
    const el = element('putin-baku-2024', { origin: 'https://down.example' });
    const failed = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('news-explainer:error', (e) => resolve(e as CustomEvent)),
    );
    document.body.append(el);
    expect((await failed).detail).toMatchObject({ id: 'putin-baku-2024', status: 503 });
    await settle();
    const root = el.shadowRoot!;
    expect(root.textContent).toContain('could not be loaded');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://down.example/explainers/putin-baku-2024');
    expect(root.querySelector('button')?.textContent).toBe('Try again');
    expect(errors).toEqual([]);
  });

  it('says an unknown explainer is not available, without a dead link or a retry', async () => {
    const el = element('missing-story');
    const failed = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('news-explainer:error', (e) => resolve(e as CustomEvent)),
    );
    document.body.append(el);
    expect((await failed).detail).toMatchObject({ id: 'missing-story', status: 404 });
    await settle();
    expect(el.shadowRoot!.textContent).toContain('This explainer is not available.');
    expect(el.shadowRoot!.querySelector('a, button')).toBeNull();
  });

  it('offers "Try again" after a network error, and a retry really refetches', async () => {
    fetchMock.mockImplementationOnce(async () => {
      throw new TypeError('Failed to fetch');
    });
    const el = element('putin-baku-2024', { lang: 'en-GB' });
    document.body.append(el);
    await settle();
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('button.nx-retry')!;
    expect(retry.textContent).toBe('Try again');
    retry.click();
    await settle();
    expect(el.shadowRoot!.querySelector('.nx-facts')).not.toBeNull();
  });

  it("shows the explainer's default language when the requested one does not exist", async () => {
    const el = element('putin-baku-2024', { lang: 'de', origin: 'https://lang.example' });
    const loaded = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('news-explainer:load', (e) => resolve(e as CustomEvent)),
    );
    fetchMock.mockImplementation(async (url: string) =>
      url.endsWith('?lang=de')
        ? new Response('{"status":404}', { status: 404 })
        : new Response(DOC.body, { status: 200 }),
    );
    document.body.append(el);
    expect((await loaded).detail).toMatchObject({ lang: 'en' });
    expect(fetchMock.mock.calls.map(([url]) => url).filter((url) => url.includes('/v1/explainers/'))).toEqual([
      'https://lang.example/v1/explainers/putin-baku-2024?lang=de',
      'https://lang.example/v1/explainers/putin-baku-2024',
    ]);
  });

  it('falls back instead of throwing when the API sends a malformed document', async () => {
    fetchMock.mockImplementationOnce(
      async () =>
        new Response(JSON.stringify({ id: 'putin-baku-2024', keyFacts: [null], background: [] }), { status: 200 }),
    );
    const el = element('putin-baku-2024', { origin: 'https://broken.example' });
    const failed = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('news-explainer:error', (e) => resolve(e as CustomEvent)),
    );
    document.body.append(el);
    await failed;
    expect(el.shadowRoot!.textContent).toContain('could not be loaded');
  });

  it('rejects a malformed id without a request', async () => {
    const el = element('../../etc/passwd');
    document.body.append(el);
    await settle();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(el.shadowRoot!.textContent).toContain('not available');
  });

  it('reloads when its explainer attribute changes', async () => {
    const el = element('missing-story');
    document.body.append(el);
    await settle();
    el.setAttribute('explainer', 'putin-baku-2024');
    await settle();
    expect(el.shadowRoot!.querySelector('h2')?.textContent).toBe(DOC.data.title);
  });

  it('builds a closed card only when a reader opens it; until then its plain text is findable', async () => {
    const el = element('putin-baku-2024', { origin: 'https://later.example' });
    document.body.append(el);
    await new Promise<void>((resolve) => el.addEventListener('news-explainer:load', () => resolve()));
    const root = el.shadowRoot!;
    const card = root.querySelector<HTMLDetailsElement>('details[data-card="cop29"]')!;
    const data = DOC.data.background.find((c) => c.id === 'cop29')!;
    // Titles only on the first screen; the closed card holds its words as one text node.
    const standIn = card.querySelector('.nx-later')!;
    expect(standIn.childNodes.length).toBe(1);
    expect(standIn.textContent).toContain(data.body[1]!.text);
    card.querySelector('summary')!.click();
    expect(card.querySelector('.nx-later')).toBeNull();
    expect(card.querySelector('.nx-body .nx-lead')?.textContent).toBe(data.summary);
    expect(card.querySelector('.nx-body')?.textContent).toContain('300\u00a0billion'); // the build's typography
    // Other closed disclosures stay unbuilt until opened or printed.
    expect(root.querySelector('.nx-sources .nx-later')).not.toBeNull();
    window.dispatchEvent(new Event('beforeprint'));
    expect(root.querySelector('.nx-later')).toBeNull();
    expect(root.querySelectorAll('.nx-source-list > li').length).toBe(DOC.data.sources.length);
  });

  it('on a Russian-language page, shows the Russian edition in Russian words, fetched beside it', async () => {
    const RU = content.explainers['putin-baku-2024']!.langs.ru!;
    fetchMock.mockImplementation(async (url: string) =>
      url.endsWith('/v1/explainers/putin-baku-2024?lang=ru')
        ? new Response(RU.body, { status: 200 })
        : url.endsWith('/v1/strings/ru.json')
          ? new Response(widget.strings.ru.body, { status: 200 })
          : new Response('{}', { status: 404 }),
    );
    const page = document.createElement('div');
    page.lang = 'ru-RU';
    const el = element('putin-baku-2024', { origin: 'https://ru.example' });
    page.append(el);
    const loaded = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('news-explainer:load', (e) => resolve(e as CustomEvent)),
    );
    document.body.append(page);
    expect((await loaded).detail).toMatchObject({ lang: 'ru' });
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Ключевые факты',
      'Почему это важно',
      'Контекст',
    ]);
    expect(root.querySelector('.nx-meta')?.textContent).toMatch(/^Объясняем · Обновлено \d{1,2} [а-я]+ \d{4} г\./);
    expect(root.querySelector('.nx-more > summary')?.textContent).toBe('Показать все 8 ключевых фактов');
    expect(fetchMock.mock.calls.map(([url]) => url).sort()).toEqual([
      'https://ru.example/v1/explainers/putin-baku-2024?lang=ru',
      'https://ru.example/v1/strings/ru.json',
    ]);
  });

  it('refuses an origin written in markup, unless the embed script allow-lists it', async () => {
    const { config } = await import('../../widget/element.tsx');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hostile = document.createElement('div');
    hostile.dataset.explainer = 'putin-baku-2024';
    hostile.dataset.origin = 'https://evil.example';
    document.body.append(hostile);
    await settle();
    const urls = () => fetchMock.mock.calls.map(([url]) => url);
    expect(urls().some((u) => u.startsWith('https://evil.example'))).toBe(false);
    // It shows the explainer from our own origin (that request may be shared with earlier embeds).
    expect(
      hostile.querySelector('news-explainer')!.shadowRoot!.querySelector('article.nx')?.getAttribute('data-id'),
    ).toBe('putin-baku-2024');
    expect(warn.mock.calls.join(' ')).toContain('origin="https://evil.example" ignored');

    // <script src=".../v1/embed.js" data-allow-origins="https://staging.example"> allows that one.
    config.allowed.add('https://staging.example');
    try {
      const allowed = document.createElement('div');
      allowed.dataset.explainer = 'putin-baku-2024';
      allowed.dataset.origin = 'https://staging.example/';
      document.body.append(allowed);
      await settle();
      expect(urls()).toContain('https://staging.example/v1/explainers/putin-baku-2024');
    } finally {
      config.allowed.delete('https://staging.example');
    }
  });

  it('sets no cookies and uses no storage', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    document.body.append(element('putin-baku-2024'));
    await settle();
    expect(document.cookie).toBe('');
    expect(setItem).not.toHaveBeenCalled();
  });
});
