/**
 * One `wrangler dev` and one publisher site for the whole browser suite; Chromium is found
 * (or installed) before any test runs, so a missing browser fails loudly and early.
 */
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';
import { startHost, startWrangler } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    api: string;
    host: string;
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  const api = await startWrangler();
  const host = await startHost(api.origin);
  project.provide('api', api.origin);
  project.provide('host', host.origin);
  project.provide('chromium', chromium);
  return async () => {
    await host.stop();
    await api.stop();
  };
}
