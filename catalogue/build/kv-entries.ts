/**
 * @module The catalogue as Workers KV entries (keys: catalogue/kv.ts): what
 * `content:publish` writes and what every test harness seeds, from the same compiled content.
 */
import { createHash } from 'node:crypto';
import type { CompiledContent } from '../compiled.ts';
import type { Explainer } from '../schema.ts';
import { editionKey, explainerKey, INDEX_KEY, type StoredIndexEntry } from '../kv.ts';
import { strongEtag } from './compile.ts';

export interface KvEntry {
  key: string;
  value: string;
  metadata: { etag: string; text?: string; revisions?: number };
}

/** What readers read, without the review date and the revision log. */
function textHash(doc: Explainer): string {
  const { updatedAt, revisions, ...text } = doc;
  return createHash('sha256').update(JSON.stringify(text)).digest('base64url').slice(0, 22);
}

const entry = (key: string, value: unknown): KvEntry => {
  const body = JSON.stringify(value);
  return { key, value: body, metadata: { etag: strongEtag(body) } };
};

/**
 * The KV entries for the whole catalogue.
 *
 * @example kvEntries(result.content).map((e) => e.key) // → ['explainer:x:en', 'explainer:x', 'index']
 */
export function kvEntries(content: CompiledContent): KvEntry[] {
  const out: KvEntry[] = [];
  const index: StoredIndexEntry[] = [];
  for (const [id, explainer] of Object.entries(content.explainers)) {
    const langs = Object.keys(explainer.langs);
    for (const [lang, doc] of Object.entries(explainer.langs))
      out.push({
        key: editionKey(id, lang),
        value: doc.body,
        metadata: { etag: doc.etag, text: textHash(doc.data), revisions: doc.data.revisions.length },
      });
    out.push(entry(explainerKey(id), { defaultLang: explainer.defaultLang, langs }));
    const docs = Object.values(explainer.langs).map((d) => d.data);
    const main = explainer.langs[explainer.defaultLang]!.data;
    index.push({
      id,
      publishedAt: docs.map((d) => d.revisions[0]!.date).sort()[0]!,
      updatedAt: main.updatedAt,
      lang: explainer.defaultLang,
      languages: langs,
      editions: Object.fromEntries(
        docs.map((d) => [
          d.lang,
          {
            title: d.title,
            summary: d.summary,
            updatedAt: d.updatedAt,
            revisedAt: d.revisions.at(-1)!.date,
            revisions: d.revisions.length,
          },
        ]),
      ),
    });
  }
  index.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  out.push(entry(INDEX_KEY, index));
  return out;
}

/** A key as KV lists it: its name and the metadata it was written with. */
export interface StoredKey {
  name: string;
  metadata?: { etag?: string; text?: string; revisions?: number } | null;
}

export interface PublishPlan {
  put: KvEntry[];
  delete: string[];
  /** Editions refused: their text changed without a new revision entry. */
  errors: string[];
}

/**
 * What publishing changes: entries whose bytes differ, keys whose file was deleted, and the
 * editions whose text changed without a new revision (refused, named by file).
 *
 * @example planPublish(kvEntries(content), await listKeys()) // → { put, delete, errors }
 */
export function planPublish(entries: KvEntry[], stored: StoredKey[]): PublishPlan {
  const before = new Map(stored.map((k) => [k.name, k.metadata ?? {}]));
  const plan: PublishPlan = { put: [], delete: [], errors: [] };
  for (const e of entries) {
    const old = before.get(e.key);
    if (old?.etag === e.metadata.etag) continue;
    if (
      old?.text &&
      e.metadata.text &&
      old.text !== e.metadata.text &&
      (e.metadata.revisions ?? 0) <= (old.revisions ?? 0)
    ) {
      const [, id, lang] = e.key.split(':');
      plan.errors.push(
        `content/${id}/${lang}.json: revisions: the text changed since it was published; add a revision entry ({ "date", "note" }) saying what changed`,
      );
      continue;
    }
    plan.put.push(e);
  }
  const keep = new Set(entries.map((e) => e.key));
  for (const k of stored)
    if (!keep.has(k.name) && (k.name === INDEX_KEY || k.name.startsWith('explainer:'))) plan.delete.push(k.name);
  return plan;
}
