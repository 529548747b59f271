/**
 * One Worker (the deploy bundle in workerd) and one publisher site for the whole browser suite;
 * Chromium is found (or installed) before any test runs, so a missing browser fails loudly.
 */
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';
import { buildDeployBundle, startHost, startWorkerd } from './servers.ts';

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
  const bundle = buildDeployBundle();
  const api = await startWorkerd(bundle);
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
