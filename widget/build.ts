/**
 * @module `npm run build:widget`: bundles embed.js and hands it to the Worker.
 *
 * Writes generated/embed.js (to measure and inspect) and generated/widget.ts
 * (the bytes, their content hash and SRI integrity (the Worker makes ETags, worker/etag.ts), the stylesheet, and every language's
 * words as JSON, bundled into the Worker).
 */
import { build, transform, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { stringsByLang } from '../ui/strings/index.ts';

const root = process.cwd();
const outDir = join(root, 'generated');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/** Stylesheets become minified strings, adopted at run time as constructable stylesheets. */
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      for (const string of code.match(/"[^"]*"|'[^']*'/g) ?? [])
        if (string.includes(', ')) throw new Error(`${args.path}: ${string} would lose a space below`);
      // esbuild keeps custom properties' values and var() fallbacks as written: the space after
      // `--x:` and after a comma there is insignificant (our sheets have no comma in a string),
      // and every byte ships to every reader.
      return {
        contents: code
          .trim()
          .replace(/(--[\w-]+): /g, '$1:')
          .replace(/, /g, ','),
        loader: 'text',
      };
    });
  },
};

const readable = process.env.NX_READABLE === '1';
const result = await build({
  entryPoints: [join(root, 'widget', 'embed.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  // NX_READABLE=1 keeps names, to read a profile (docs/development.md); never for a release.
  minifyWhitespace: !readable,
  minifySyntax: !readable,
  minifyIdentifiers: !readable,
  // Evergreen browsers of the last few years: private class members and ?? stay native.
  target: ['chrome100', 'firefox100', 'safari15.4'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // The shared components build DOM directly in the widget (see widget/jsx-dom.ts).
  alias: { 'preact/jsx-runtime': join(root, 'widget', 'jsx-dom.ts') },
  define: { __VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  plugins: [cssAsText],
  logLevel: 'warning',
});

// A second pass with terser: its compressor finds what esbuild's single pass leaves (about 100 B
// gzip on embed.js), and the bytes of embed.js are paid by every reader of every page.
const minified = readable
  ? { code: result.outputFiles[0]!.text }
  : await minify(result.outputFiles[0]!.text, { compress: { passes: 2, ecma: 2020 }, mangle: true, ecma: 2020 });
if (minified.code === undefined) throw new Error('terser returned no code');
/**
 * V8's explicit compile hint (Chromium 136+; a comment elsewhere): V8 compiles every function
 * with the script (off the main thread when Chromium streams it) instead of each one lazily on
 * the main thread at its first call; most of them run on the first render. Measured (1× CPU, 32
 * paired rounds, main-thread CPU time): script tag −3.6 ms, snippet −5.3 ms, a waiting lazy
 * embed −0.5 ms (not resolved).
 */
const code = `${readable ? '' : '//# allFunctionsCalledOnLoad\n'}${minified.code}`;
/** A small script of our own pages, bundled like the widget, with its validator. */
async function pageScript(...path: string[]): Promise<{ code: string }> {
  const out = await build({
    entryPoints: [join(root, 'widget', ...path)],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15.4'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  return { code: out.outputFiles[0]!.text };
}
// frame.js: the explainer page's own script when framed (heights for WordPress, AMP, embed.js);
// builder.js: the embed builder page's (/embed) live preview and copy button.
const [frame, builder] = [await pageScript('frame', 'frame.ts'), await pageScript('builder', 'builder.ts')];
// The same stylesheet, for the server-rendered page (its :host rules simply do not apply there).
const { code: css } = await transform(readFileSync(join(root, 'ui', 'styles.css'), 'utf8'), {
  loader: 'css',
  minify: true,
});
const sha256 = createHash('sha256').update(code).digest();
const hash = sha256.toString('hex').slice(0, 16);
// Each language's words as JSON, for widgets showing an edition in a language other than English.
const strings = Object.fromEntries(
  Object.entries(stringsByLang).map(([lang, words]) => {
    return [lang, { body: JSON.stringify(words) }];
  }),
);
const widget = {
  code,
  hash,
  integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  css,
  strings,
  frame,
  builder,
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'embed.js'), code);
writeFileSync(
  join(outDir, 'widget.ts'),
  `// Generated by widget/build.ts. Do not edit.\nexport const widget = ${JSON.stringify(widget)} as const;\n`,
);
console.log(`widget: embed.js ${code.length} B raw, ${gzipSync(code, { level: 9 }).length} B gzip, hash ${hash}`);
