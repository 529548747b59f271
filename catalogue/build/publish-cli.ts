/**
 * @module `npm run content:publish`: validates all content (the build's checks and messages)
 * and writes only what changed to the catalogue in Workers KV, without a deploy.
 *
 *   npm run content:publish                  # the local KV that `wrangler dev` (npm start) reads
 *   npm run content:publish -- --dry-run     # print what would change, write nothing
 *   npm run content:publish -- --remote      # the production namespace (wrangler login first)
 *   npm run content:publish -- --persist-to DIR   # another local store (tests, bench)
 *
 * A deleted edition file removes its keys. An edition whose text changed since it was
 * published, without a new entry in its `revisions`, is refused, and nothing is written.
 * The current widget build is kept under its hash (`widget:<hash>`), never deleted, so pages
 * that pinned an earlier release with SRI keep working: publish with every release (deploy does).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { wranglerEnv } from '../../tools/worker.ts';
import { widget } from '../../generated/widget.ts';
import { widgetKey } from '../kv.ts';
import { kvEntries, planPublish, type StoredKey } from './kv-entries.ts';
import { compileContent } from './compile.ts';
import { readContent } from './read.ts';

const root = process.cwd();
const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
  },
});
const where = values.remote
  ? ['--remote']
  : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];

function wrangler(args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: wranglerEnv(),
  });
}

const result = compileContent(readContent(root));
for (const line of result.warnings) console.warn(`content: warning: ${line}`);
if (!result.ok) {
  console.error(`content:publish: not published, ${result.errors.length} problem(s):`);
  for (const line of result.errors) console.error(`  ${line}`);
  process.exit(1);
}

const listed = wrangler(['kv', 'key', 'list', '--binding', 'EXPLAINERS', ...where]);
const stored = JSON.parse(listed.slice(listed.indexOf('['))) as StoredKey[];
// This release's widget build, kept under its hash for pages that pin it (never deleted).
const release = { key: widgetKey(widget.hash), value: widget.code, metadata: { etag: `"${widget.hash}"` } };
const plan = planPublish([...kvEntries(result.content), release], stored);
if (plan.errors.length > 0) {
  console.error(`content:publish: not published, ${plan.errors.length} problem(s):`);
  for (const line of plan.errors) console.error(`  ${line}`);
  process.exit(1);
}
const target = values.remote ? 'production KV' : 'local KV';
for (const e of plan.put) console.log(`${values['dry-run'] ? 'would put' : 'put'}    ${e.key}`);
for (const key of plan.delete) console.log(`${values['dry-run'] ? 'would delete' : 'delete'} ${key}`);
if (plan.put.length + plan.delete.length === 0) console.log(`content:publish: ${target} is up to date`);
if (values['dry-run']) process.exit(0);

const dir = join(root, '.cache', 'publish');
mkdirSync(dir, { recursive: true });
if (plan.put.length > 0) {
  writeFileSync(join(dir, 'put.json'), JSON.stringify(plan.put));
  wrangler(['kv', 'bulk', 'put', join(dir, 'put.json'), '--binding', 'EXPLAINERS', ...where]);
}
if (plan.delete.length > 0) {
  writeFileSync(join(dir, 'delete.json'), JSON.stringify(plan.delete));
  wrangler(['kv', 'bulk', 'delete', join(dir, 'delete.json'), '--binding', 'EXPLAINERS', '--force', ...where]);
}
console.log(`content:publish: ${plan.put.length} put, ${plan.delete.length} deleted in ${target}`);
