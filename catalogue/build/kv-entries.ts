/**
 * @module The catalogue as Workers KV entries (keys: catalogue/kv.ts): what
 * `content:publish` writes and what every test harness seeds, from the same compiled content;
 * and what a publish changes: the plan, each edition's changes field by field (the dry run), and
 * the public URLs whose cached copies it makes stale (the purge).
 */
import { createHash } from 'node:crypto';
import type { CompiledContent } from '../compiled.ts';
import type { Explainer, Inline } from '../schema.ts';
import { editionKey, explainerKey, INDEX_KEY, type StoredIndexEntry } from '../kv.ts';
import { formatPath, strongEtag } from './compile.ts';

export interface KvEntry {
  key: string;
  value: string;
  metadata: { etag: string; text?: string; revisions?: number };
}

/**
 * What readers read, without the review date and the revision log: the edition's text, for
 * publishing. Every field but `updatedAt` and `revisions` counts (prose, titles, dates, a card's
 * `asOf`, the article, sources and citations), as the build typeset it. The hash is stored with
 * each published edition, so changing what it covers makes every published edition look changed.
 */
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
  /**
   * Editions refused: their text changed without a new revision entry, or with new entries that
   * are only reviews (`"kind": "review"`), which tell readers nothing changed.
   */
  errors: string[];
}

/** The revision kinds that tell readers the text changed: they were told something wrong, or facts changed. */
const TEXT_KINDS = new Set(['correction', 'update']);

/**
 * Whether the revision entries of `e` from position `from` on (those added since the published
 * version) include a correction or an update. An entry without a kind counts as a correction,
 * except the first entry of the log, the first publication.
 */
function tellsOfChange(e: KvEntry, from: number): boolean {
  const { revisions = [] } = JSON.parse(e.value) as { revisions?: { kind?: string }[] };
  return revisions.some((r, i) => i >= from && (r.kind === undefined ? i > 0 : TEXT_KINDS.has(r.kind)));
}

/**
 * What publishing changes: entries whose bytes differ, keys whose file was deleted, and the
 * editions whose text changed without a new revision entry of kind `correction` or `update`
 * (refused, named by file). New entries that are only `review`s publish where the text is
 * unchanged (a new review date).
 *
 * @example planPublish(kvEntries(content), await listKeys()) // → { put, delete, errors }
 */
export function planPublish(entries: KvEntry[], stored: StoredKey[]): PublishPlan {
  const before = new Map(stored.map((k) => [k.name, k.metadata ?? {}]));
  const plan: PublishPlan = { put: [], delete: [], errors: [] };
  for (const e of entries) {
    const old = before.get(e.key);
    if (old?.etag === e.metadata.etag) continue;
    if (old?.text && e.metadata.text && old.text !== e.metadata.text) {
      const [, id, lang] = e.key.split(':');
      const had = old.revisions ?? 0;
      if ((e.metadata.revisions ?? 0) <= had) {
        plan.errors.push(
          `content/${id}/${lang}.json: revisions: the text changed since it was published; add a revision entry ({ "date", "note", "kind": "update" or "correction" }) saying what changed`,
        );
        continue;
      }
      if (!tellsOfChange(e, had)) {
        plan.errors.push(
          `content/${id}/${lang}.json: revisions: the text changed since the published version but the new entries are only "review": add an entry with "kind": "update" (facts added or changed) or "correction" (readers were told something wrong)`,
        );
        continue;
      }
    }
    plan.put.push(e);
  }
  const keep = new Set(entries.map((e) => e.key));
  for (const k of stored)
    if (!keep.has(k.name) && (k.name === INDEX_KEY || k.name.startsWith('explainer:'))) plan.delete.push(k.name);
  return plan;
}

/** One changed field of an edition: its path as editors write it, and what changed in it. */
export interface FieldChange {
  path: string;
  diff: string;
}

/** The text as the build typeset it, read as words: no-break spaces are spaces, joiners vanish. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2060/g, '');

/** One step of an edit script: kept, deleted from `a` (at `i`) or inserted from `b` (at `j`). */
type Op = { kind: 'same' | 'del' | 'ins'; word: string; i: number; j: number };

/** The edit script from `a` to `b` (longest common subsequence): words, or keys of list items. */
function editScript(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (i: number, j: number): Op => ({ kind: 'same', word: a[i]!, i, j });
  const del = (i: number, j: number): Op => ({ kind: 'del', word: a[i]!, i, j });
  const ins = (i: number, j: number): Op => ({ kind: 'ins', word: b[j]!, i, j });
  const ops: Op[] = [];
  for (let k = 0; k < start; k++) ops.push(same(k, k));
  const n = endA - start;
  const m = endB - start;
  if (n * m > 250_000) {
    // Too long to align word by word (whole rewritten pages): all of it replaced.
    for (let i = start; i < endA; i++) ops.push(del(i, start));
    for (let j = start; j < endB; j++) ops.push(ins(endA, j));
  } else {
    // lcs[i][j]: the longest common subsequence of the middles from i and j on.
    const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i]![j] =
          a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) ops.push(same(start + i++, start + j++));
      else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push(ins(start + i, start + j++));
      else ops.push(del(start + i++, start + j));
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push(same(endA + k, endB + k));
  return ops;
}

/**
 * A compact word diff, in git's `--word-diff` notation: removed words in `[-…-]`, added words in
 * `{+…+}`, with `context` unchanged words on either side of each change and `…` for the rest.
 *
 * @example wordDiff('arrived on the evening of Sunday', 'arrived on the late evening of Sunday')
 * // → '… on the {+late+} evening of …'
 */
export function wordDiff(before: string, after: string, context = 3): string {
  const words = (s: string) => plainSpaces(s).split(/\s+/).filter(Boolean);
  const ops = editScript(words(before), words(after));
  if (!ops.some((op) => op.kind !== 'same')) return before === after ? '(unchanged)' : '(spacing only)';
  // Which unchanged words are shown: those within `context` words of a change.
  const near = ops.map(() => false);
  ops.forEach((op, i) => {
    if (op.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(ops.length - 1, i + context); k++) near[k] = true;
  });
  const out: string[] = [];
  let dels: string[] = [];
  let ins: string[] = [];
  const flush = () => {
    if (dels.length) out.push(`[-${dels.join(' ')}-]`);
    if (ins.length) out.push(`{+${ins.join(' ')}+}`);
    if (dels.length && ins.length) out.splice(-2, 2, `${out.at(-2)!}${out.at(-1)!}`);
    dels = [];
    ins = [];
  };
  ops.forEach((op, i) => {
    if (op.kind === 'del') return void dels.push(op.word);
    if (op.kind === 'ins') return void ins.push(op.word);
    flush();
    if (near[i]) out.push(op.word);
    else if (out.at(-1) !== '…') out.push('…');
  });
  flush();
  return out.join(' ');
}

/** The markup an editor wrote, from the typed runs the build made of it. */
function markup(runs: Inline[]): string {
  return runs
    .map((r) =>
      r.type === 'text'
        ? r.text
        : r.type === 'em'
          ? `*${r.text}*`
          : r.type === 'link'
            ? `[${r.text}](${r.href})`
            : `[^${r.source}]`,
    )
    .join('');
}

/**
 * A served document back in the shape editors write: a paragraph (`{ text, runs }`) is its
 * markup again, and an item's `text` is its markup (its `runs` dropped), so paths and words
 * are the ones in the file.
 */
function authored(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(authored);
  if (value === null || typeof value !== 'object') return value;
  const fields = Object.entries(value as Record<string, unknown>);
  const runs = fields.find(([k]) => k === 'runs')?.[1];
  if (Array.isArray(runs) && fields.some(([k, v]) => k === 'text' && typeof v === 'string')) {
    const text = markup(runs as Inline[]);
    if (fields.length === 2) return text;
    return Object.fromEntries(
      fields.filter(([k]) => k !== 'runs').map(([k, v]) => [k, k === 'text' ? text : authored(v)]),
    );
  }
  return Object.fromEntries(fields.map(([k, v]) => [k, authored(v)]));
}

/** The ids of the items of two versions of a list, where every item has one (cards, sources). */
function idsOf(a: unknown[], b: unknown[]): { before: string[]; after: string[] } | undefined {
  const id = (v: unknown) =>
    v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string'
      ? (v as { id: string }).id
      : undefined;
  const before = a.map(id);
  const after = b.map(id);
  if ([...before, ...after].some((v) => v === undefined)) return undefined;
  return { before: before as string[], after: after as string[] };
}

/**
 * Which items of two versions of a list are the same item: by `id` where items have one (cards,
 * sources), wherever they stand; else by equal content, in order; between those, changed items pair up with the most
 * alike (in order), and the rest were removed (`[i, undefined]`) or added (`[undefined, j]`). So an
 * added event does not make every later one look changed.
 */
function alignItems(a: unknown[], b: unknown[]): [number | undefined, number | undefined][] {
  const pairs: [number | undefined, number | undefined][] = [];
  const ids = idsOf(a, b);
  if (ids) {
    // Items with ids are the same item wherever they stand (a reordering is reported apart).
    const at = new Map(ids.before.map((id, i) => [id, i]));
    ids.after.forEach((id, j) => pairs.push([at.get(id), j]));
    const kept = new Set(ids.after);
    ids.before.forEach((id, i) => {
      if (!kept.has(id)) pairs.push([i, undefined]);
    });
    return pairs;
  }
  const key = (v: unknown) => JSON.stringify(v);
  let removed: number[] = [];
  let added: number[] = [];
  const words = (v: unknown) => new Set(JSON.stringify(v).split(/[\s",:{}[\]]+/));
  /** Shared words over all words: how alike two versions of an item read (0 to 1). */
  const alike = (x: unknown, y: unknown) => {
    const wx = words(x);
    const wy = words(y);
    let shared = 0;
    for (const w of wx) if (wy.has(w)) shared++;
    return shared / (wx.size + wy.size - shared || 1);
  };
  // Between two matched items: the changed ones pair up with the most alike, in order.
  const flush = () => {
    const n = removed.length;
    const m = added.length;
    const score = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    const sim = (i: number, j: number) => alike(a[removed[i]!], b[added[j]!]);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        score[i]![j] = Math.max(
          score[i + 1]![j]!,
          score[i]![j + 1]!,
          sim(i, j) >= 0.3 ? sim(i, j) + score[i + 1]![j + 1]! : 0,
        );
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && sim(i, j) >= 0.3 && score[i]![j] === sim(i, j) + score[i + 1]![j + 1]!)
        pairs.push([removed[i++], added[j++]]);
      else if (i < n && (j === m || score[i]![j] === score[i + 1]![j])) pairs.push([removed[i++], undefined]);
      else pairs.push([undefined, added[j++]]);
    }
    removed = [];
    added = [];
  };
  for (const op of editScript(a.map(key), b.map(key))) {
    if (op.kind === 'del') removed.push(op.i);
    else if (op.kind === 'ins') added.push(op.j);
    else {
      flush();
      pairs.push([op.i, op.j]);
    }
  }
  flush();
  return pairs;
}

type Path = (string | number)[];

/** Every field with a value of its own under `value`, by path; a list of cited source ids is one field. */
function fieldsOf(value: unknown, path: Path, out: [Path, string][] = []): [Path, string][] {
  if (Array.isArray(value) && path.at(-1) === 'sources' && value.every((v) => typeof v === 'string'))
    out.push([path, value.join(' ')]);
  else if (Array.isArray(value)) value.forEach((v, i) => fieldsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) fieldsOf(v, [...path, k], out);
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    out.push([path, String(value)]);
  return out;
}

/** The changes from `before` to `after`, both in the shape editors write, into `out`. */
function compare(before: unknown, after: unknown, path: Path, out: FieldChange[]): void {
  const isList = (v: unknown) =>
    Array.isArray(v) && !(path.at(-1) === 'sources' && v.every((s) => typeof s === 'string'));
  const isRecord = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isList(before) && isList(after)) {
    const a = before as unknown[];
    const b = after as unknown[];
    const ids = idsOf(a, b);
    if (ids) {
      // The order of the items both versions have (sources are numbered in it).
      const kept = (list: string[], other: string[]) => list.filter((id) => other.includes(id)).join(' ');
      const was = kept(ids.before, ids.after);
      const now = kept(ids.after, ids.before);
      if (was !== now) out.push({ path: `${formatPath(path)} (order)`, diff: wordDiff(was, now) });
    }
    for (const [i, j] of alignItems(a, b)) {
      if (i !== undefined && j !== undefined) compare(a[i], b[j], [...path, j], out);
      else if (j !== undefined)
        for (const [p, text] of fieldsOf(b[j], [...path, j]))
          out.push({ path: formatPath(p), diff: `{+${plainSpaces(text)}+}` });
      else if (i !== undefined)
        for (const [p, text] of fieldsOf(a[i], [...path, i]))
          out.push({ path: `${formatPath(p)} (removed)`, diff: `[-${plainSpaces(text)}-]` });
    }
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    for (const k of Object.keys(b)) compare(a[k], b[k], [...path, k], out);
    for (const k of Object.keys(a)) if (!(k in b)) compare(a[k], undefined, [...path, k], out);
    return;
  }
  const was = fieldsOf(before, path);
  const now = fieldsOf(after, path);
  const text = (fields: [Path, string][]) => fields.map(([, t]) => t).join(' ');
  if (was.length === 0 && now.length === 0) return;
  if (was.length === 0) out.push({ path: formatPath(path), diff: `{+${plainSpaces(text(now))}+}` });
  else if (now.length === 0) out.push({ path: formatPath(path), diff: `[-${plainSpaces(text(was))}-]` });
  else if (text(was) !== text(now)) out.push({ path: formatPath(path), diff: wordDiff(text(was), text(now)) });
}

/**
 * What changed between two versions of an edition as KV holds them (the served JSON), field
 * by field, each with a compact word diff; fields added or removed show all their words. Items
 * of a list are matched by id or content, so an added key fact or event is listed alone; a
 * removed one is listed by its former path, marked "(removed)".
 *
 * @example editionChanges(storedJson, newJson)
 * // → [{ path: 'keyFacts[0].text', diff: '… on the {+late+} evening of …' }, …]
 */
export function editionChanges(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  compare(authored(before), authored(after), [], out);
  return out;
}

/** Cloudflare's purge API takes at most 30 URLs per request. */
export const PURGE_BATCH = 30;

/**
 * The public URLs whose cached responses a publish makes stale: for every explainer with a
 * changed or deleted key, its JSON, its page and its snippet, each without and with every
 * `?lang=` it has (or had); and the index.
 *
 * @example purgeUrls(plan, entries, 'https://explainers.example')
 * // → ['https://explainers.example/v1/explainers/x', '…/v1/explainers/x?lang=en', …, '…/v1/explainers']
 */
export function purgeUrls(plan: PublishPlan, entries: KvEntry[], origin: string): string[] {
  const base = origin.replace(/\/+$/, '');
  const changed = new Map<string, Set<string>>();
  let index = false;
  for (const key of [...plan.put.map((e) => e.key), ...plan.delete]) {
    if (key === INDEX_KEY) index = true;
    const m = /^explainer:([^:]+)(?::(.+))?$/.exec(key);
    if (!m) continue;
    const langs = changed.get(m[1]!) ?? new Set<string>();
    if (m[2]) langs.add(m[2]);
    changed.set(m[1]!, langs);
  }
  const urls: string[] = [];
  for (const [id, langs] of changed) {
    // Every edition it has now, beside the ones changed or deleted.
    const current = entries.find((e) => e.key === explainerKey(id));
    if (current) for (const lang of (JSON.parse(current.value) as { langs: string[] }).langs) langs.add(lang);
    const sorted = [...langs].sort();
    for (const path of [`/v1/explainers/${id}`, `/explainers/${id}`, `/explainers/${id}/snippet`])
      urls.push(`${base}${path}`, ...sorted.map((lang) => `${base}${path}?lang=${lang}`));
  }
  if (index || changed.size > 0) urls.push(`${base}/v1/explainers`);
  return urls;
}

/** `items` in batches of at most `size`. */
export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
