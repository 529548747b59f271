/**
 * @module Real examples for the description and /docs: the first explainer of the index, as
 * the index lists it and (trimmed to a few items per list) as the API serves it.
 */
import type { Explainer } from '../catalogue/schema.ts';
import { findDocument, readIndex } from './catalogue.ts';
import type { Examples } from './openapi.ts';

/** The examples, and the catalogue version they were made from (to key what is built on them). */
export async function apiExamples(kv: KVNamespace): Promise<{ version: string; examples?: Examples }> {
  const index = await readIndex(kv);
  const first = index.entries[0];
  const shown = first?.editions[first.lang];
  if (!first || !shown) return { version: index.version };
  const edition = await findDocument(kv, first.id, undefined);
  const doc = edition.data;
  const explainer: Explainer = {
    ...doc,
    keyFacts: doc.keyFacts.slice(0, 2),
    whyItMatters: { ...doc.whyItMatters, body: doc.whyItMatters.body.slice(0, 1) },
    background: doc.background.slice(0, 1).map((card) => ({ ...card, body: card.body.slice(0, 1) })),
    timeline: doc.timeline.slice(0, 2),
    sources: doc.sources.slice(0, 2),
    corrections: doc.corrections.slice(0, 1),
    revisions: doc.revisions.slice(-1),
  };
  const entry = {
    id: first.id,
    title: shown.title,
    summary: shown.summary,
    updatedAt: shown.updatedAt,
    publishedAt: first.publishedAt,
    revisedAt: shown.revisedAt,
    lang: first.lang,
    languages: first.languages,
    url: `/v1/explainers/${first.id}`,
  };
  return {
    version: `${index.version}\u001f${edition.version}`,
    examples: { index: { explainers: [entry], next: null }, explainer },
  };
}
