import { env, exports } from 'cloudflare:workers';
import app from '../../worker/index.ts';

/** The origin requests are made against; pages derive absolute URLs from it. */
export const BASE = 'https://explainers.example';

/** Sends a request through the Worker's own fetch handler, inside workerd. */
export const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(BASE + path, init));

/**
 * The same request straight into the Hono app in this isolate, for tests that send thousands:
 * the harness's `exports.default.fetch` grows slower with every request it has served in a file.
 * `vars` override the Worker's variables (e.g. `{ DEMO: 'on' }`).
 */
export const getDirect = (path: string, init?: RequestInit, vars: Partial<Env> = {}) =>
  app.fetch(new Request(BASE + path, init), { ...env, ...vars });
