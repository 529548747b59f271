/**
 * GET /v1/openapi.json: the OpenAPI description cannot drift from the routes: every route the
 * app has is described (GET, HEAD and OPTIONS), with the parameters and problems it answers.
 * (/docs renders it: docs-page.test.ts.)
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import app from '../../worker/index.ts';
import { demo } from '../../demo/app.tsx';
import { get } from './request.ts';

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const doc = async () => await (await get('/v1/openapi.json')).json<Doc>();

/** Hono's `:param` (with or without a pattern) is one segment; OpenAPI's `{param}` may sit inside one. */
function matches(honoPath: string, openApiPath: string): boolean {
  const a = honoPath.split('/');
  const b = openApiPath.split('/');
  return a.length === b.length && a.every((seg, i) => (seg.startsWith(':') ? b[i]!.includes('{') : seg === b[i]));
}

describe('GET /v1/openapi.json', () => {
  it('describes every route the app serves, with HEAD and OPTIONS', async () => {
    const { paths } = await doc();
    // The demo (demo/, off in production) is not part of the product: its own paths are not described.
    const demoOnly = new Set(
      demo.routes.map((r) => r.path).filter((p) => app.routes.filter((r) => r.path === p).length === 1),
    );
    const routes = app.routes.filter(
      (r) => r.method === 'GET' && r.path !== '*' && !r.path.endsWith('/*') && !demoOnly.has(r.path),
    );
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const described = Object.keys(paths).find((p) => matches(route.path, p));
      expect(described, `${route.method} ${route.path} is not in the OpenAPI description`).toBeDefined();
      expect(Object.keys(paths[described!]!)).toEqual(expect.arrayContaining(['get', 'head', 'options']));
    }
    // …and describes nothing the app does not serve.
    for (const path of Object.keys(paths))
      expect(
        routes.some((r) => matches(r.path, path)),
        `${path} has no route`,
      ).toBe(true);
  });

  it('documents the parameters and problems clients meet', async () => {
    const { paths, components, openapi } = await doc();
    expect(openapi).toBe('3.1.0');
    const names = (path: string) => paths[path]!.get!.parameters!.map((p) => p.name);
    expect(names('/v1/explainers')).toEqual(['limit', 'cursor', 'lang', 'updatedSince']);
    expect(names('/v1/explainers/{id}')).toEqual(['id', 'lang', 'rendering']);
    expect(names('/explainers/{id}')).toEqual(['id', 'lang', 'theme']);
    expect(Object.keys(paths['/v1/explainers/{id}']!.get!.responses)).toEqual([
      '200',
      '204',
      '304',
      '400',
      '404',
      '503',
    ]);
    for (const path of ['/', '/v1/explainer.css', '/v1/openapi.json', '/docs', '/v1/strings/{lang}.json'])
      expect(paths, path).toHaveProperty([path]);
    expect(Object.keys(components.schemas.Explainer?.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'keyFacts', 'background', 'sources', 'corrections', 'revisions']),
    );
    expect(Object.keys(components.schemas.ExplainerIndex?.properties ?? {})).toEqual(['explainers', 'next']);
  });
});

describe('GET /v1/openapi.json shows real responses', () => {
  it('the first explainer of the index, as the index lists it and (trimmed) as the API serves it', async () => {
    const description = await (
      await get('/v1/openapi.json')
    ).json<{
      servers: { url: string }[];
      paths: Record<
        string,
        { get: { responses: Record<string, { content?: Record<string, { example?: unknown }> }> } }
      >;
    }>();
    expect(description.servers[0]!.url).toBe(env.PUBLIC_ORIGIN);
    const index = (await (await get('/v1/explainers?limit=1')).json<{ explainers: { id: string }[] }>()).explainers;
    const listed = description.paths['/v1/explainers']!.get.responses['200']!.content!['application/json']!.example as {
      explainers: { id: string }[];
    };
    expect(listed.explainers[0]!.id).toBe(index[0]!.id);
    const one = description.paths['/v1/explainers/{id}']!.get.responses['200']!.content!['application/json']!
      .example as {
      id: string;
      keyFacts: unknown[];
    };
    expect(one.id).toBe(index[0]!.id);
    expect(one.keyFacts.length).toBeGreaterThan(0);
    expect(one.keyFacts.length).toBeLessThanOrEqual(2);
  });
});
