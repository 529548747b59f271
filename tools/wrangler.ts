/**
 * @module `node tools/run.mjs tools/wrangler.ts <args…>`: wrangler, with our environment
 * (tools/worker.ts `wranglerEnv`), for the npm scripts that call it.
 */
import { spawnSync } from 'node:child_process';
import { ROOT, WRANGLER, wranglerEnv } from './worker.ts';

const run = spawnSync(process.execPath, [WRANGLER, ...process.argv.slice(2)], {
  cwd: ROOT,
  env: wranglerEnv(),
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
