/**
 * GET /: the service's home page on a deploy; the demo (demo/) when the Worker's DEMO variable
 * is "on" (as `npm start` sets it): then `/` is a publisher's article with the explainer
 * embedded and the embed codes.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { get, getDirect } from './request.ts';

/** Pages name our configured public origin, never the request's host (wrangler.toml [vars]). */
const ORIGIN = env.PUBLIC_ORIGIN;
const getDemo = (path: string, init?: RequestInit) => getDirect(path, init, { DEMO: 'on' });

describe('GET / with the demo off (a deploy): the home page of the service', () => {
  it('names the service, links the embed builder and the API reference, and has a description', async () => {
    expect(env.DEMO).not.toBe('on'); // wrangler.toml's default: what a deploy serves
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>News Explainer</h1>');
    expect(html).toContain('href="/embed"');
    expect(html).toContain('href="/docs"');
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
    expect(html).not.toContain('putin-baku-2024');
    expect(html).not.toContain('Demo');
  });
});

describe('GET / with the demo on (npm start): the demo publisher page', () => {
  it('embeds the explainer with the zero-shift snippet, exactly as a publisher would paste it', async () => {
    const res = await getDemo('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const snippet = await (await get('/explainers/putin-baku-2024/snippet')).text();
    expect(html).toContain(snippet);
    expect(html).toContain('18 August 2024');
  });

  it('shows the copyable embed snippets, escaped as text', async () => {
    const html = await (await getDemo('/')).text();
    // Shown as text (escaped), so the page displays the code instead of running it.
    expect(html).toContain(
      `<code>&lt;script async src=&quot;${ORIGIN}/v1/embed.js&quot; data-explainer=&quot;putin-baku-2024&quot;>&lt;/script></code>`,
    );
  });

  it('never writes the request Host header into the page', async () => {
    const res = await getDemo('/', { headers: { Host: 'evil.example' } });
    const html = await res.text();
    expect(html).not.toContain('evil.example');
    expect(html).toContain(`src="${ORIGIN}/v1/embed.js"`);
    expect(res.headers.get('Content-Security-Policy')).not.toContain('evil.example');
  });

  it('is served under a CSP without unsafe-inline', async () => {
    const csp = (await getDemo('/')).headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('styles the newspaper with /demo.css, which only the demo serves', async () => {
    expect(await (await getDemo('/')).text()).toContain('<link rel="stylesheet" href="/demo.css"/>');
    const css = await getDemo('/demo.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.masthead');
    expect((await get('/demo.css')).status).toBe(404); // the demo off: not a page of the product
  });
});
