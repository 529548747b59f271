/**
 * @module `npm run new -- <id> [lang]`: scaffolds `content/<id>/<lang>.json`, an explainer with
 * the schema's shape and TODO markers that fail the build until an editor has written them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANG, SLUG } from '../patterns.ts';
import type { ExplainerInput } from '../schema.ts';

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
const today = new Date().toISOString().slice(0, 10);
const fact = (n: number) => ({
  text: `TODO: key fact ${n}, one sentence, citing its source.`,
  sources: ['todo-source'],
});
const doc: ExplainerInput = {
  id,
  lang,
  title: 'TODO: the explainer’s title',
  summary: 'TODO: what the story is and why readers need background, in two lines.',
  updatedAt: `${today}T00:00:00Z`,
  article: { title: 'TODO: the reported article', publisher: 'TODO: its publisher', date: today },
  keyFacts: [fact(1), fact(2), fact(3)],
  whyItMatters: { body: ['TODO: one short paragraph: why it matters.'], sources: ['todo-source'] },
  background: [
    {
      id: 'todo-card',
      title: 'TODO: card title',
      summary: 'TODO: the card in two lines.',
      asOf: today,
      body: ['TODO: a few short paragraphs.'],
      sources: ['todo-source'],
    },
  ],
  timeline: [{ date: today, text: 'TODO: a dated event.', sources: ['todo-source'] }],
  sources: [
    {
      id: 'todo-source',
      title: 'TODO: the source’s title',
      publisher: 'TODO: its publisher',
      url: 'https://example.org/todo',
      date: today,
    },
  ],
  corrections: [],
  revisions: [{ date: today, note: 'First published.' }],
};
mkdirSync(join(process.cwd(), 'content', id), { recursive: true });
writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`new: wrote content/${id}/${lang}.json — replace every TODO; npm run build says what is left`);
