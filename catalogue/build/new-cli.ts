/**
 * @module `npm run new -- <id> [lang]`: scaffolds `content/<id>/<lang>.json`, an explainer with
 * the schema's shape and placeholders that fail the build until an editor has replaced them:
 * `TODO: ` hints in text, `todo-…` ids, an example.org URL and the date 1111-11-11
 * (catalogue/build/compile.ts, PLACEHOLDER). The file is written as Prettier formats JSON.
 *
 * It writes an `article` (the reported story), placeholders included, because most explainers
 * follow one; `article` is optional, and an editor deletes it (with `corrections` left empty)
 * when the explainer follows no single article.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANG, SLUG } from '../patterns.ts';
import type { ExplainerInput } from '../schema.ts';
import { PLACEHOLDER, SCAFFOLD_HINTS } from './compile.ts';

const [id = '', lang = 'en'] = process.argv.slice(2);
if (!SLUG.test(id) || !LANG.test(lang)) {
  console.error('usage: npm run new -- <explainer-id> [lang]   (id: lowercase letters, digits, hyphens)');
  process.exit(2);
}
const file = join(process.cwd(), 'content', id, `${lang}.json`);
if (existsSync(file)) {
  console.error(`new: ${join('content', id, `${lang}.json`)} exists already; edit it instead`);
  process.exit(1);
}

const todo = (hint: keyof typeof SCAFFOLD_HINTS) => `${PLACEHOLDER.todo}${SCAFFOLD_HINTS[hint]}`;
const { date, sourceId, cardId, url } = PLACEHOLDER;
const fact = () => ({ text: todo('fact'), sources: [sourceId] });
const doc: ExplainerInput = {
  id,
  lang,
  title: todo('title'),
  summary: todo('summary'),
  updatedAt: `${date}T00:00:00Z`,
  article: { title: todo('article'), publisher: todo('publisher'), date },
  keyFacts: [fact(), fact(), fact()],
  whyItMatters: { body: [todo('why')], sources: [sourceId] },
  background: [
    {
      id: cardId,
      title: todo('cardTitle'),
      summary: todo('cardSummary'),
      asOf: date,
      body: [todo('cardBody')],
      sources: [sourceId],
    },
  ],
  timeline: [{ date, text: todo('event'), sources: [sourceId] }],
  sources: [{ id: sourceId, title: todo('sourceTitle'), publisher: todo('publisher'), url, date }],
  corrections: [],
  revisions: [{ date, note: 'First published.' }],
};

/** Prettier's print width (.prettierrc.json). */
const WIDTH = 120;

/**
 * JSON as Prettier prints it: two-space indent, objects one key a line, an array of plain values
 * on one line where it fits the print width, else one value a line.
 */
function prettierJson(value: unknown, indent = '', prefix = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      // The line it stands on: indent, key, the array and the comma that may follow it.
      if (indent.length + prefix.length + flat.length + 1 <= WIDTH) return flat;
    }
    return `[\n${value.map((v) => `${inner}${prettierJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    if (fields.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${fields
      .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettierJson(v, inner, `${JSON.stringify(k)}: `)}`)
      .join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

mkdirSync(join(process.cwd(), 'content', id), { recursive: true });
writeFileSync(file, `${prettierJson(doc)}\n`);
console.log(
  `new: wrote content/${id}/${lang}.json — replace every placeholder (TODO texts, todo-… ids, the example.org URL, the ${date} dates) and delete "article" if the explainer follows no single article; npm run build lists what is left`,
);
