/**
 * GET /docs, the API reference: rendered from the OpenAPI description (/v1/openapi.json), every
 * GET operation once (HEAD, OPTIONS and CORS said once for all), the JSON endpoints first, with
 * schemas and errors; readable without script, under our strict CSP. The renderer is generic, so
 * it is also tried on descriptions of our own making; and the Markdown its descriptions are
 * written in becomes elements, never HTML.
 */
import { Fragment, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { inline, markdown, safeHref, splitSections } from '../../worker/markdown.tsx';
import { apiReference } from '../../worker/routes/docs.tsx';
import { get } from './request.ts';

type Json = Record<string, unknown>;

interface Doc {
  openapi: string;
  info: Json;
  tags?: { name: string }[];
  paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  'x-problem-types'?: { type: string; title: string; status: number }[];
}

const doc = async () => await (await get('/v1/openapi.json')).json<Doc>();
const page = async () => await (await get('/docs')).text();

/** Text as the renderer escapes it. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** The page without its code (where backticks and asterisks may be literal) and its tags. */
const prose = (html: string) =>
  html
    .replace(/<(code|pre)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"');
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
/** The id of the operation heading `GET path`, and where it is on the page. */
const heading = (html: string, path: string) => {
  const m = new RegExp(
    `<h3 id="([^"]+)"><code>GET ${esc(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</code></h3>`,
  ).exec(html);
  return m ? { id: m[1]!, at: m.index } : null;
};
const md = (text: string, options?: Parameters<typeof markdown>[1]) =>
  renderToString(h(Fragment, null, markdown(text, options)));

describe('GET /docs', () => {
  it('is an HTML page under our strict CSP, with no script', async () => {
    const res = await get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(res.headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\sstyle=/);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('shows every GET operation of the description once, under its path, and no HEAD or OPTIONS one', async () => {
    const [d, html] = [await doc(), await page()];
    const gets = Object.entries(d.paths).filter(([, item]) => item.get);
    expect(gets.length).toBeGreaterThan(5);
    for (const [path, item] of gets) {
      expect(heading(html, path), path).not.toBeNull();
      if (item.get?.operationId) expect(html).toContain(`id="${item.get.operationId}"`);
    }
    expect(html.match(/<h3 id="[^"]*"><code>GET /g)).toHaveLength(gets.length);
    expect(html).not.toMatch(/<h\d[^>]*>\s*(<code>)?(HEAD|OPTIONS) \//);
    for (const item of Object.values(d.paths))
      for (const method of ['head', 'options'])
        if (item[method]?.operationId) expect(html).not.toContain(`id="${item[method].operationId}"`);
    // Said once, for all.
    expect(html.match(/>HEAD, OPTIONS and CORS</g)).toHaveLength(2); // its heading and its contents entry
    expect(html).toContain('<code>Access-Control-Allow-Origin: *</code>');
  });

  it('renders the Markdown of the description: no backticks, asterisks or link syntax left in its text', async () => {
    const html = await page();
    const text = prose(html);
    expect(text).not.toContain('`');
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/\]\((https:|\/)/);
    // The description's own `code` spans became elements.
    expect(html).toContain('<code>application/problem+json</code>');
  });

  it('has a table of contents whose every link leads to a section or operation of the page', async () => {
    const html = await page();
    const nav = /<nav\b[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    const all = ids(html);
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(all, target).toContain(target);
    expect(new Set(all).size).toBe(all.length); // no id twice
    for (const path of Object.keys((await doc()).paths).filter((p) => heading(html, p)))
      expect(targets).toContain(heading(html, path)!.id);
  });

  it('puts the explainer endpoints first, and the groups in the order of the description’s tags', async () => {
    const [d, html] = [await doc(), await page()];
    const explainers = heading(html, '/v1/explainers/{id}')!.at;
    for (const path of ['/v1/embed.js', '/v1/frame.js', '/embed', '/docs', '/healthz'])
      if (d.paths[path]) expect(explainers, path).toBeLessThan(heading(html, path)!.at);
    expect(heading(html, '/v1/explainers')!.at).toBeLessThan(explainers);
    const tags = (d.tags ?? []).map((t) => t.name).filter((name) => html.includes(`>${esc(name)}</h2>`));
    const at = tags.map((name) => html.indexOf(`>${esc(name)}</h2>`));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('lists every schema with its properties, parameters with their types, and response headers', async () => {
    const [d, html] = [await doc(), await page()];
    for (const [name, schema] of Object.entries(d.components.schemas)) {
      expect(html).toContain(`<code>${name}</code></h3>`);
      for (const property of Object.keys(schema.properties ?? {}))
        expect(html, `${name}.${property}`).toMatch(new RegExp(`<th scope="row"><code class="docs-name">${property}`));
    }
    // `$ref`s link to the schema's section.
    expect(html).toMatch(/<a href="#schema-Explainer">Explainer<\/a>/);
    expect(html).toContain('<caption>Parameters</caption>');
    expect(html).toContain('<caption>Response headers</caption>');
    expect(html).toMatch(/<th scope="row"><code class="docs-name">ETag<\/code><\/th>/);
    expect(html).toMatch(/<th scope="col">[^<]*<\/th>/);
  });

  it('has an error catalogue: the problem types of the description, or the statuses it answers', async () => {
    const [d, html] = [await doc(), await page()];
    expect(html).toContain('id="errors"');
    const types = d['x-problem-types'] ?? [];
    if (types.length > 0) for (const t of types) expect(html).toContain(`>${esc(t.title)}<`);
    else expect(html).toContain('<caption>Error statuses</caption>');
  });
});

// ---------------------------------------------------------------------------------------------

const longExample = { items: Array.from({ length: 60 }, (_, i) => ({ n: i })) };
const fixture = {
  openapi: '3.1.0',
  info: {
    title: 'Fixture API',
    version: '2',
    description:
      'Intro with `code` and **bold**.\n\nVersioning: paths under `/v2` keep their meaning.\n\n## Quick start\n\n- one\n- two',
    'x-changelog': [{ date: '2025-01-02', changes: ['Added `updatedSince`.'] }],
  },
  servers: [{ url: 'https://api.example' }],
  tags: [{ name: 'Explainers', description: 'The **JSON**.' }, { name: 'Service' }],
  paths: {
    '/healthz': { get: { operationId: 'health', tags: ['Service'], summary: 'Alive', responses: { '200': {} } } },
    '/v1/explainers': {
      head: { operationId: 'listHead', summary: 'x', responses: {} },
      options: { operationId: 'listPreflight', summary: 'x', responses: { '204': { description: 'Allowed' } } },
      get: {
        operationId: 'list',
        tags: ['Explainers'],
        summary: 'The index',
        description: 'See [the guide](https://guide.example/x) or [evil](javascript:alert(1)).',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          { $ref: '#/components/parameters/Lang' },
        ],
        responses: {
          '200': {
            description: 'OK',
            headers: { ETag: { description: 'A **strong** validator.', required: true, schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Index' }, example: longExample } },
          },
          '404': {
            description: 'Nope',
            'x-problem-kinds': ['unknown-explainer'],
            content: {
              'application/problem+json': {
                schema: { $ref: '#/components/schemas/Problem' },
                examples: { missing: { summary: 'Unknown id', value: { status: 404, title: '<script>x</script>' } } },
              },
            },
          },
        },
      },
    },
    '/untagged': { get: { summary: 'No tag', responses: {} } },
  },
  components: {
    parameters: { Lang: { name: 'lang', in: 'query', schema: { type: 'string', enum: ['en', 'ru'] } } },
    schemas: {
      Index: {
        type: 'object',
        required: ['items'],
        properties: {
          items: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } },
          problem: { $ref: '#/components/schemas/Problem' },
          when: { type: 'string', format: 'date-time', description: 'An `RFC 3339` instant.' },
        },
      },
      Problem: { type: 'object', properties: { title: { type: 'string' } } },
    },
  },
  'x-problem-types': [
    {
      type: 'https://api.example/problems/unknown-explainer',
      title: 'Unknown explainer',
      status: 404,
      description: 'No such `id`.',
    },
  ],
};

describe('the reference, from any OpenAPI 3.1 description', () => {
  it('groups operations by tag in the order of `tags`, untagged last, without HEAD or OPTIONS', () => {
    const html = apiReference(fixture);
    const order = ['/v1/explainers', '/healthz', '/untagged'].map((p) => heading(html, p)?.at ?? -1);
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('<h2 id="tag-Explainers">Explainers</h2><p>The <strong>JSON</strong>.</p>');
    expect(html).not.toContain('listHead');
    expect(html).not.toContain('listPreflight');
    expect(html).toContain('Base URL: <code>https://api.example</code>');
  });

  it('without tags, puts the explainer endpoints first, then the rest in document order', () => {
    const paths = { '/a': fixture.paths['/healthz'], '/v1/explainers': fixture.paths['/v1/explainers'], '/b': {} };
    const untagged = JSON.parse(
      JSON.stringify({ ...fixture, tags: undefined, paths }).replace(/"tags":\["\w+"\],/g, ''),
    ) as Json;
    const html = apiReference(untagged);
    expect(heading(html, '/v1/explainers')!.at).toBeLessThan(heading(html, '/a')!.at);
    expect(heading(html, '/b')).toBeNull(); // no GET
  });

  it('shows parameters, headers, examples (pretty-printed, cut at 40 lines) and problem types', () => {
    const html = apiReference(fixture);
    expect(html).toContain('<td>1–100</td>');
    expect(html).toContain('<code>20</code>');
    expect(html).toMatch(/one of <code>en<\/code>, <code>ru<\/code>/); // a $ref'd parameter
    expect(html).toContain('<td>yes</td><td>string</td><td><p>A <strong>strong</strong> validator.</p></td>');
    const example =
      /<pre class="docs-example" tabindex="0" role="group" aria-label="([^"]+)"><code>([\s\S]*?)<\/code><\/pre>/.exec(
        html,
      )!;
    expect(example[1]).toBe('Example application/json body of the 200 response, GET /v1/explainers');
    const lines = example[2]!.split('\n');
    expect(lines).toHaveLength(40);
    expect(lines.slice(0, 3)).toEqual(['{', '  &quot;items&quot;: [', '    {']);
    expect(lines.at(-1)).toBe('…');
    expect(html).toContain('&quot;title&quot;: &quot;&lt;script>x&lt;/script>&quot;');
    expect(html).toContain('Unknown id');
    // The response's problem kind links to its row in the catalogue, which links to its page.
    expect(html).toMatch(
      /<a href="#problem-unknown-explainer"><code>unknown-explainer<\/code><\/a> \(Unknown explainer, 404\)/,
    );
    expect(html).toContain(
      '<tr id="problem-unknown-explainer"><th scope="row"><a href="https://api.example/problems/unknown-explainer">',
    );
    expect(html).toMatch(/problem document \(<a href="#schema-Problem">Problem<\/a>\)/);
  });

  it('shows schemas with types, formats, array items, $ref links and one level of nesting', () => {
    const html = apiReference(fixture);
    expect(html).toMatch(/<h3 id="schema-Index"><code>Index<\/code><\/h3>/);
    expect(html).toContain('<td>array of object</td><td>yes</td>');
    expect(html).toMatch(
      /<tr class="docs-nested"><th scope="row"><code class="docs-name">items\[\]\.<wbr\/?>n<\/code>/,
    );
    expect(html).toContain('<td><a href="#schema-Problem">Problem</a></td><td>no</td>');
    expect(html).toContain('string (date-time)');
    expect(html).toContain('An <code>RFC 3339</code> instant.');
  });

  it('shows the changelog and versioning, and the description’s own sections', () => {
    const html = apiReference(fixture);
    expect(html).toContain('<h2 id="changelog">Changelog and versioning</h2>');
    expect(html).toContain('<time datetime="2025-01-02">2025-01-02</time>');
    expect(html).toContain('<li>Added <code>updatedSince</code>.</li>');
    expect(html).toContain('<p>Versioning: paths under <code>/v2</code> keep their meaning.</p>');
    expect(html).toMatch(/<h2 id="guide-quick-start">Quick start<\/h2><ul><li>one<\/li><li>two<\/li><\/ul>/);
    expect(html).toContain('Intro with <code>code</code> and <strong>bold</strong>.');
  });

  it('keeps unsafe links as text and is tolerant of a description that lacks almost everything', () => {
    const html = apiReference(fixture);
    expect(html).toContain('<a href="https://guide.example/x">the guide</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('[evil](javascript:alert(1))');
    for (const bare of [{}, null, { paths: { '/x': { get: {} } } }, { info: { title: 42 }, tags: 'no' }]) {
      const out = apiReference(bare);
      expect(out.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(out).toContain('HEAD, OPTIONS and CORS');
    }
    expect(apiReference({ paths: { '/x': { get: {} } } })).toContain('<code>GET /x</code>');
    expect(apiReference({ paths: { '/x': { get: { responses: { '404': { description: 'Gone' } } } } } })).toContain(
      '<caption>Error statuses</caption>',
    );
  });
});

describe('Markdown of descriptions (worker/markdown.tsx)', () => {
  it('renders `code`, **bold** and links inline, with code taking precedence', () => {
    expect(md('Use `lang` and **`ru`** here.')).toBe(
      '<p>Use <code>lang</code> and <strong><code>ru</code></strong> here.</p>',
    );
    expect(md('`**not bold**`')).toBe('<p><code>**not bold**</code></p>');
    expect(md('[the **API**](/docs) and [`x`](https://a.example/?q=1&r=2)')).toBe(
      '<p><a href="/docs">the <strong>API</strong></a> and <a href="https://a.example/?q=1&amp;r=2"><code>x</code></a></p>',
    );
  });

  it('links only to https: URLs and paths of our origin; anything else stays as written', () => {
    for (const url of ['https://example.org/a', '/v1/explainers', '/']) expect(safeHref(url)).toBe(url);
    for (const url of [
      'http://example.org',
      'javascript:alert(1)',
      '//evil.example',
      '/\\evil.example',
      'data:x',
      'docs',
      '#x',
      'https://',
    ])
      expect(safeHref(url), url).toBeNull();
    expect(md('[x](javascript:alert(1)) [y](http://a.example)')).toBe(
      '<p>[x](javascript:alert(1)) [y](http://a.example)</p>',
    );
  });

  it('splits paragraphs on blank lines and makes lists of `- ` and `1. ` lines', () => {
    expect(md('One\nline.\n\nTwo.')).toBe('<p>One\nline.</p><p>Two.</p>');
    expect(md('Before:\n- a `b`\n- c\n  continued\n\n1. first\n2. second')).toBe(
      '<p>Before:</p><ul><li>a <code>b</code></li><li>c\ncontinued</li></ul><ol><li>first</li><li>second</li></ol>',
    );
  });

  it('never makes HTML of text: markup is escaped, as text', () => {
    const out = md('<script>alert(1)</script> <img src=x onerror=alert(1)> **<b>x</b>** `<i>`');
    expect(out).toBe(
      '<p>&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)> <strong>&lt;b>x&lt;/b></strong> <code>&lt;i></code></p>',
    );
    expect(renderToString(h('p', null, inline('a & b < c')))).toBe('<p>a &amp; b &lt; c</p>');
  });

  it('leaves unmatched markers as text, and renders headings and fenced code', () => {
    expect(md('a ` b ** c [d] (e)')).toBe('<p>a ` b ** c [d] (e)</p>');
    expect(md('## Title\n\nText')).toBe('<p><strong>Title</strong></p><p>Text</p>');
    expect(md('## Title\n\n### Sub', { headingLevel: 3 })).toBe('<h3>Title</h3><h4>Sub</h4>');
    expect(md('```\nGET /x\n\n<b>\n```')).toBe('<pre class="md-code"><code>GET /x\n\n&lt;b></code></pre>');
  });

  it('splits a description at its top-level headings', () => {
    expect(splitSections('Intro.\n\n## A\n\nText a.\n\n### A.1\n\n## B\n```\n## not a heading\n```')).toEqual({
      intro: 'Intro.',
      sections: [
        { title: 'A', body: 'Text a.\n\n### A.1' },
        { title: 'B', body: '```\n## not a heading\n```' },
      ],
    });
    expect(splitSections('Just text.')).toEqual({ intro: 'Just text.', sections: [] });
  });
});
