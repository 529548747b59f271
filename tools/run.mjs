#!/usr/bin/env node
// The one way to run a TypeScript tool of ours on Node 20 (which cannot run .ts itself):
// `node tools/run.mjs path/to/tool.ts [args…]` bundles it with esbuild (packages stay external)
// into .cache/tools/ and runs it with the same arguments, exit code and signals.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run.mjs <tool.ts> [args…]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const outfile = join(root, '.cache', 'tools', `${basename(entry).replace(/\.tsx?$/, '')}.mjs`);
await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
  outfile,
});
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
