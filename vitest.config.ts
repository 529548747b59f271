/**
 * Six suites, one command (`npm test`):
 * - content: the schema, the inline parser and the real content, in Node;
 * - build: the build CLIs and the widget's size budget, in Node;
 * - dom: the shared components as the widget builds them, and the custom element, in happy-dom;
 * - preact: the same components mounted with Preact's own render, in happy-dom;
 * - worker: every route in workerd (vitest-pool-workers);
 * - browser: the real widget on real host pages in Debian's Chromium, served by `wrangler dev`.
 */
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import { wranglerEnv } from './tools/worker.ts';

// Every suite runs wrangler and workerd with our environment (toolchain.md), however it is started.
Object.assign(process.env, wranglerEnv());

/** The widget imports its stylesheet as a string (esbuild's text loader); Vite's `?raw` does the same. */
const cssAsText: Plugin = {
  name: 'css-as-text',
  enforce: 'pre',
  resolveId: (source, importer) =>
    source.endsWith('.css') && importer ? `${resolve(dirname(importer), source)}?raw` : null,
};

const preactJsx = { jsx: { runtime: 'automatic' as const, importSource: 'preact' } };

/** In the widget, JSX builds DOM directly (widget/jsx-dom.ts), exactly as widget/build.ts bundles it. */
const jsxDom = resolve(import.meta.dirname, 'widget', 'jsx-dom.ts');

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'content', include: ['test/content/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node' } },
      {
        oxc: preactJsx,
        plugins: [cssAsText],
        define: { __VERSION__: JSON.stringify('test') },
        resolve: { alias: { 'preact/jsx-runtime': jsxDom, 'preact/jsx-dev-runtime': jsxDom } },
        test: { name: 'dom', include: ['test/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      // The same components compiled with Preact's own JSX runtime, mounted with Preact.
      { oxc: preactJsx, test: { name: 'preact', include: ['test/preact/**/*.test.tsx'], environment: 'happy-dom' } },
      {
        oxc: preactJsx,
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        // Property tests (test/worker/properties.test.ts): more runs or another seed from the shell.
        define: {
          __FC_RUNS__: JSON.stringify(process.env.FC_RUNS ?? '500'),
          __FC_SEED__: JSON.stringify(process.env.FC_SEED ?? '20241118'),
        },
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], setupFiles: ['test/worker/seed.ts'] },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          // One wrangler dev for the suite; files run one after another. `npm test` runs this
          // suite after the others, so that it has the machine's two cores to itself.
          fileParallelism: false,
          // A real browser on a shared 2-core machine: one retry absorbs a rare scheduling stall.
          retry: 1,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
