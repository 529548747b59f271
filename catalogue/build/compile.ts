/**
 * @module Validates and compiles explainer files into prepared, hashed bodies.
 *
 * Pure (no file system): the CLI feeds it files, tests feed it broken ones. Every problem is
 * reported as `path: field: message`, so an editor knows exactly what to fix.
 */
import { createHash } from 'node:crypto';
import { ExplainerSchema, SLUG, LANG, type Explainer } from '../schema.ts';
import type { CompiledContent, CompiledExplainer, Prepared } from '../compiled.ts';
import { lintDocument } from './lint.ts';
import { parityProblems } from './parity.ts';
import { typeset } from './typography.ts';

/** A content file as read from disk: its path relative to the project, and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

/** Errors fail the build; warnings (readability) are printed and the build goes on. */
export type CompileResult =
  { ok: true; content: CompiledContent; warnings: string[] } | { ok: false; errors: string[]; warnings: string[] };

/** Strong ETag of a body: a quoted, truncated SHA-256 (collisions are irrelevant at this size). */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export function prepare(value: unknown): Prepared {
  const body = JSON.stringify(value);
  return { body, etag: strongEtag(body) };
}

/** `keyFacts[2].sources[0]` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
      '',
    ) || '(document)'
  );
}

/** Every string in a parsed file, with its path. */
function strings(value: unknown, path: (string | number)[] = []): [string, (string | number)[]][] {
  if (typeof value === 'string') return [[value, path]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

/**
 * Characters that make text read otherwise than it is (bidirectional overrides and isolates,
 * zero-width characters): no sourced sentence needs them, and they can disguise a claim or a link.
 */
const DISGUISE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/u;

/**
 * What `npm run new` writes where an editor has to write something. The build refuses each one
 * until it is replaced: text marked `TODO: ` (and its hint, should only the word TODO go), ids
 * starting `todo`, URLs on domains reserved for examples, and a date that no story has.
 */
export const PLACEHOLDER = {
  /** Before every hint the scaffold writes in a text field. */
  todo: 'TODO: ',
  /** The scaffold's source and card ids, and every citation of them. */
  sourceId: 'todo-source',
  cardId: 'todo-card',
  /** The scaffold's source URL, on a domain reserved for examples (RFC 2606). */
  url: 'https://example.org/todo',
  /** The scaffold's every date (`updatedAt` is this day at midnight UTC). */
  date: '1111-11-11',
} as const;

/** The hints the scaffold writes after `TODO: `, by what they stand for. */
export const SCAFFOLD_HINTS = {
  title: 'the explainer’s title',
  summary: 'what the story is and why readers need background, in two lines.',
  article: 'our description of the reported article',
  publisher: 'its publisher',
  fact: 'a key fact, one sentence, citing its source.',
  why: 'one short paragraph: why it matters.',
  cardTitle: 'the card’s title',
  cardSummary: 'the card in two lines.',
  cardBody: 'a few short paragraphs.',
  event: 'a dated event.',
  sourceTitle: 'the source’s title',
} as const;
const HINTS = new Set<string>(Object.values(SCAFFOLD_HINTS));

/** Hosts that never publish a source: reserved for examples and tests (RFC 2606, RFC 6761). */
const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|invalid|test|localhost)$/i;

/** What to write instead of the placeholder date, by the part of the file it stands in. */
function dateFix(part: string | number | undefined): string {
  const today = new Date().toISOString().slice(0, 10);
  switch (part) {
    case 'updatedAt':
      return `set it to the time you checked the text against its sources, e.g. "${today}T12:00:00Z"`;
    case 'revisions':
      return `write the day of first publication (YYYY-MM-DD), e.g. "${today}", no later than updatedAt`;
    case 'background':
      return "write the day the card's facts are valid for (YYYY-MM-DD), no later than updatedAt";
    case 'article':
      return "write the reported article's date (YYYY-MM-DD)";
    case 'timeline':
      return "write the event's date (YYYY, YYYY-MM or YYYY-MM-DD)";
    case 'sources':
      return "write the source's publication date (YYYY, YYYY-MM or YYYY-MM-DD)";
    default:
      return 'write the real date';
  }
}

/** Placeholders `npm run new` wrote and an editor has not replaced yet, by field. */
function placeholderProblems(text: string, path: (string | number)[]): string[] {
  const where = formatPath(path);
  const key = path.at(-1);
  const out: string[] = [];
  if (/\bTODO\b/.test(text)) out.push(`${where}: is a TODO placeholder; write it`);
  else if (HINTS.has(text.replace(/^[\s:]+/, '').trim()))
    out.push(`${where}: is the scaffold's hint ("${text.replace(/^[\s:]+/, '').trim()}"), not text; write it`);
  if (/^todo/.test(text) && SLUG.test(text)) {
    if (key === 'id' && path[0] === 'sources')
      out.push(
        `${where}: "${text}" is a placeholder id; name the source (lowercase letters, digits, hyphens, e.g. "kremlin-talks") and cite it by that id`,
      );
    else if (key === 'id' && path[0] === 'background')
      out.push(
        `${where}: "${text}" is a placeholder id; name the card (lowercase letters, digits, hyphens, e.g. "icc-warrant"): a host page's #<explainer>-<card> opens it`,
      );
    else if (typeof key === 'number' && path.at(-2) === 'sources')
      out.push(`${where}: cites the placeholder id "${text}"; cite the source by its own id`);
  }
  for (const [, citation] of text.matchAll(/\[\^(todo[a-z0-9-]*)\]/g))
    out.push(`${where}: cites the placeholder id "${citation!}"; cite the source by its own id`);
  for (const [url] of text.matchAll(/https?:\/\/[^\s)\]"]+/g)) {
    const host = URL.canParse(url) ? new URL(url).hostname : '';
    if (EXAMPLE_HOST.test(host))
      out.push(
        key === 'url'
          ? `${where}: "${url}" is a placeholder URL (${host} is reserved for examples); give the source's own https URL`
          : `${where}: links to "${url}", a placeholder URL (${host} is reserved for examples); link the page itself`,
      );
  }
  if (text === PLACEHOLDER.date || text.startsWith(`${PLACEHOLDER.date}T`))
    out.push(`${where}: "${text}" is the scaffold's placeholder date; ${dateFix(path[0])}`);
  return out;
}

/** Problems a human editor cannot see in the text: placeholders left, disguising characters. */
function hiddenProblems(raw: unknown): string[] {
  return strings(raw).flatMap(([text, path]) => {
    const where = formatPath(path);
    const out = placeholderProblems(text, path);
    if (text.includes('\u00a0'))
      out.push(`${where}: contains a no-break space; write a plain space (the build applies typography)`);
    const hidden = DISGUISE.exec(text);
    if (hidden)
      out.push(
        `${where}: contains U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, an invisible or direction-changing character that can disguise text; remove it`,
      );
    return out;
  });
}

/** Where a file must live: `content/<id>/<lang>.json`. */
const FILE_PATH = /(?:^|\/)content\/([^/]+)\/([^/]+)\.json$/;

function compileFile(file: ContentFile, errors: string[], warnings: string[]): Explainer | undefined {
  const where = FILE_PATH.exec(file.path);
  if (!where) {
    errors.push(`${file.path}: (file): content files must be named content/<explainer-id>/<lang>.json`);
    return undefined;
  }
  const [, folderId = '', fileLang = ''] = where;
  let raw: unknown;
  try {
    raw = JSON.parse(file.text);
  } catch (err) {
    errors.push(`${file.path}: (file): not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
  const parsed = ExplainerSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${file.path}: ${formatPath(issue.path)}: ${issue.message}`);
    return undefined;
  }
  const doc = parsed.data;
  for (const problem of hiddenProblems(raw)) errors.push(`${file.path}: ${problem}`);
  if (!SLUG.test(folderId) || doc.id !== folderId)
    errors.push(`${file.path}: id: "${doc.id}" must match its folder name "${folderId}"`);
  if (!LANG.test(fileLang) || doc.lang !== fileLang)
    errors.push(`${file.path}: lang: "${doc.lang}" must match its file name "${fileLang}.json"`);
  for (const w of lintDocument(doc)) warnings.push(`${file.path}: ${formatPath(w.path)}: ${w.message}`);
  return doc;
}

/**
 * Validates every file and compiles the catalogue.
 *
 * @example
 * const result = compileContent([{ path: 'content/x/en.json', text }]);
 * if (!result.ok) console.error(result.errors.join('\n'));
 */
export function compileContent(files: readonly ContentFile[]): CompileResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const explainers: Record<string, CompiledExplainer> = {};
  // Sorted so that the build is reproducible and the default language is stable.
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const doc = compileFile(file, errors, warnings);
    if (!doc) continue;
    const entry = (explainers[doc.id] ??= { defaultLang: doc.lang, langs: {} });
    if (doc.lang === 'en') entry.defaultLang = 'en';
    // After every check: what readers and clients get has its language's typography.
    const shown = typeset(doc);
    entry.langs[doc.lang] = { ...prepare(shown), data: shown };
  }
  if (files.length === 0) errors.push('content: (catalogue): no content files found');
  for (const [id, explainer] of Object.entries(explainers)) {
    const reference = explainer.langs[explainer.defaultLang]!.data;
    for (const [lang, edition] of Object.entries(explainer.langs))
      if (lang !== explainer.defaultLang)
        for (const problem of parityProblems(reference, edition.data))
          errors.push(`content/${id}/${lang}.json: ${problem}`);
    // A translation left behind: the default edition was revised after its last revision.
    const latest = reference.revisions.at(-1)?.date ?? '';
    for (const [lang, edition] of Object.entries(explainer.langs)) {
      const own = edition.data.revisions.at(-1)?.date ?? '';
      if (lang !== explainer.defaultLang && own < latest)
        warnings.push(
          `content/${id}/${lang}.json: revisions: the ${explainer.defaultLang} edition was revised on ${latest}, this edition last on ${own}; bring it up to date and add a revision`,
        );
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  return {
    ok: true,
    content: { explainers },
    warnings,
  };
}
