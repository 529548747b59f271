/**
 * The explainer page's JSON-LD names the reported article (`about`) only when the explainer
 * follows one (issue 15: `article` is optional). The edition without one is the real English
 * edition as published, its `article` and (so) its `corrections` removed (with the sources only
 * they cited), under an id of its own.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './request.ts';
import entries from '../../generated/kv.json';
import type { Explainer } from '../../catalogue/schema.ts';

const ID = 'no-single-article';

/** The JSON-LD block of a page's `<head>`. */
async function jsonLdOf(path: string): Promise<Record<string, unknown>> {
  const res = await get(path);
  expect(res.status).toBe(200);
  const html = await res.text();
  const head = html.slice(0, html.indexOf('</head>'));
  const blocks = [...head.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]![1]!) as Record<string, unknown>;
}

let sources = 0;
const published = JSON.parse(entries.find((e) => e.key === 'explainer:putin-baku-2024:en')!.value) as Explainer;

beforeAll(async () => {
  const { article: _article, ...rest } = published;
  const edition = { ...rest, id: ID, corrections: [] };
  // The sources only the corrections cited go with them, as the build requires.
  const cited = JSON.stringify({ ...edition, sources: [] });
  edition.sources = edition.sources.filter((s) => cited.includes(`"${s.id}"`));
  sources = edition.sources.length;
  const body = JSON.stringify(edition);
  await env.EXPLAINERS.put(`explainer:${ID}:en`, body, { metadata: { etag: '"no-single-article-1"' } });
  await env.EXPLAINERS.put(`explainer:${ID}`, JSON.stringify({ defaultLang: 'en', langs: ['en'] }), {
    metadata: { etag: '"no-single-article-meta-1"' },
  });
});

describe("the explainer page's JSON-LD names an article only when there is one", () => {
  it('with an article: `about` is that article, as a NewsArticle', async () => {
    const article = published.article!;
    expect(article).toBeDefined();
    const data = await jsonLdOf('/explainers/putin-baku-2024');
    expect(data.about).toEqual({
      '@type': 'NewsArticle',
      headline: article.title,
      publisher: article.publisher,
      datePublished: article.date,
    });
  });

  it('without an article: no `about`, and the rest of the description as before', async () => {
    const data = await jsonLdOf(`/explainers/${ID}`);
    expect(data).not.toHaveProperty('about');
    expect(JSON.stringify(data)).not.toContain('NewsArticle');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: published.title,
      inLanguage: 'en',
      dateModified: published.updatedAt,
    });
    expect(sources).toBeGreaterThan(40);
    expect((data.citation as unknown[]).length).toBe(sources);
  });
});
