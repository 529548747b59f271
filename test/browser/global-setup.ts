/**
 * One Worker (the deploy bundle in workerd) and one publisher site for the whole browser suite;
 * Chromium is found (or installed) before any test runs, so a missing browser fails loudly.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../tools/chromium.ts';
import { deployBundle, ROOT, startWorker } from '../../tools/worker.ts';
import { startHost } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    api: string;
    host: string;
    chromium: string;
    /** The bundle `wrangler deploy` would upload, for the `wrangler dev` test. */
    bundle: string;
  }
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  // Served by Miniflare, the engine under `wrangler dev`, without its watchers, proxy and
  // inspector: under `wrangler dev` the suite saw rare mid-run exits; a test server must stay.
  const bundle = deployBundle(join(ROOT, '.cache', 'e2e-bundle'));
  // With the demo on, as `npm start` serves it: the demo page is one of the hosts under test.
  const api = await startWorker(bundle, { bindings: { DEMO: 'on' } });
  const host = await startHost(api.origin);
  project.provide('api', api.origin);
  project.provide('host', host.origin);
  project.provide('chromium', chromium);
  project.provide('bundle', bundle);
  return async () => {
    await host.stop();
    await api.stop();
  };
}
