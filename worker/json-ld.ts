/**
 * @module Structured data (schema.org JSON-LD) for the explainer's own page, so search engines
 * see what the script embed hides from them. The embeddable snippet carries none: it would
 * compete with the host article's own structured data.
 */
import type { Explainer } from '../catalogue/schema.ts';

/**
 * The explainer as a schema.org `Article` with its sources as `citation`, and the reported
 * article as `about` only where the explainer follows one (`article` is optional).
 */
export function jsonLd(doc: Explainer, pageUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: doc.title,
    description: doc.summary,
    inLanguage: doc.lang,
    url: pageUrl,
    datePublished: doc.revisions[0]?.date,
    dateModified: doc.updatedAt,
    publisher: { '@type': 'Organization', name: 'News Explainer' },
    ...(doc.article
      ? {
          about: {
            '@type': 'NewsArticle',
            headline: doc.article.title,
            publisher: doc.article.publisher,
            datePublished: doc.article.date,
          },
        }
      : {}),
    citation: doc.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      url: s.url,
      publisher: s.publisher,
      datePublished: s.date,
      ...(s.lang ? { inLanguage: s.lang } : {}),
    })),
  };
}

/**
 * The JSON-LD block to put in `<head>`. JSON is data, not markup: `<` is escaped so the text
 * can never close the script element, whatever the content says.
 *
 * @example html.replace('</head>', `${jsonLdBlock(data)}</head>`)
 */
export function jsonLdBlock(data: Record<string, unknown>): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}
