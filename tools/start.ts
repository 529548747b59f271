/**
 * @module `npm start`: builds, publishes the catalogue to the local KV, and serves the Worker
 * with the demo turned on under `wrangler dev` on http://127.0.0.1:PORT (default 8787). The
 * public origin follows the port, so the pages' absolute URLs point at this server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, WRANGLER, wranglerEnv } from './worker.ts';

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`start: PORT=${process.env.PORT} is not a port number`);
  process.exit(2);
}
const origin = `http://127.0.0.1:${port}`;
const npm = (args: string[]) => {
  const r = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit', env: wranglerEnv() });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
npm(['run', 'build']);
npm(['run', 'content:publish']);
// Ctrl+C reaches wrangler through the shared process group; we exit when it does.
const dev = spawn(
  process.execPath,
  [
    WRANGLER,
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--var',
    `PUBLIC_ORIGIN:${origin}`,
    '--var',
    'DEMO:on',
  ],
  { cwd: ROOT, env: wranglerEnv(), stdio: 'inherit' },
);
dev.on('exit', (code) => process.exit(code ?? 0));
