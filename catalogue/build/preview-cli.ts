/**
 * @module `npm run preview -- <id> [lang]`: the explainer being edited, in the real widget,
 * rebuilt on every save; build errors are shown on the page instead of the explainer.
 *
 * Serves the Worker (the deploy bundle, in workerd through Miniflare, with a KV of its own) and
 * a preview page on 127.0.0.1; on each change under content/ it validates everything as the
 * build does, publishes what changed to that KV and reloads the Worker, and the page reloads.
 */
import { readdirSync, watch } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deployBundle, seedCatalogue, startWorker } from '../../tools/worker.ts';
import { pageCsp } from '../../worker/html.ts';
import { LANG, SLUG } from '../patterns.ts';
import { kvEntries } from './kv-entries.ts';
import { compileContent } from './compile.ts';
import { readContent } from './read.ts';

const root = process.cwd();
// The page on PORT (default 8788), its Worker on the next port; flags win over PORT.
const basePort = Number(process.env.PORT ?? 8788);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: String(basePort) },
    'api-port': { type: 'string', default: String(basePort + 1) },
  },
});
const [id = '', lang = 'en'] = positionals;
if (!SLUG.test(id) || !LANG.test(lang)) {
  console.error('usage: npm run preview -- <explainer-id> [lang]   (PORT=… for another port)');
  process.exit(2);
}

// The Worker exactly as deploy bundles it (the widget and schemas were built by npm run build:widget),
// with a KV of its own that starts empty: every rebuild publishes to it.
const worker = await startWorker(deployBundle(join(root, '.cache', 'preview')), {
  port: Number(values['api-port']),
  entries: [],
});
const { mf } = worker;
const apiOrigin = worker.origin;

/**
 * What the page shows: the build's version (the page reloads when it changes), the problems of
 * the explainer being edited (`errors`) and, apart, those of other files (`others`).
 */
const status = { version: 0, errors: [] as string[], others: [] as string[], warnings: [] as string[] };

/** This explainer's files: `content/<id>/…`. */
const mine = (line: string) => line.startsWith(`content/${id}/`);

async function rebuild(): Promise<void> {
  const files = readContent(root);
  const result = compileContent(files);
  status.warnings = result.warnings;
  status.errors = result.ok ? [] : result.errors.filter(mine);
  status.others = result.ok ? [] : result.errors.filter((line) => !mine(line));
  // Another explainer's problems block the build, not this preview: it shows this explainer alone.
  const shown = result.ok ? result : compileContent(files.filter((f) => mine(f.path)));
  if (shown.ok && status.errors.length === 0) {
    await seedCatalogue(mf, kvEntries(shown.content));
    // A fresh isolate: the Worker's few-seconds cache must not hide the edit.
    await worker.reload();
  } else if (!shown.ok) status.errors = shown.errors;
  status.version++;
  console.log(
    `preview: build ${status.version}: ${status.errors.length ? `${status.errors.length} problem(s) in content/${id}/` : `content/${id}/ ok`}${status.others.length ? `; ${status.others.length} problem(s) in other files (they fail npm run build, not this preview)` : ''}`,
  );
  if (status.errors.length) console.log(`  content/${id}/:`);
  for (const line of status.errors) console.log(`    ${line}`);
  if (status.others.length) console.log('  other files:');
  for (const line of status.others) console.log(`    ${line}`);
}

const PAGE = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: ${id} (${lang})</title>
<link rel="stylesheet" href="/preview.css">
</head>
<body>
<main>
<p class="bar">Preview of <code>content/${id}/${lang}.json</code>, rebuilt on save. <span id="state">…</span></p>
<section id="mine" hidden><h2>Problems in <code>content/${id}/</code></h2><ul id="errors"></ul></section>
<section id="elsewhere" hidden><h2>Problems in other files</h2><p>They fail <code>npm run build</code> and publishing, not this preview.</p><ul id="others"></ul></section>
<news-explainer explainer="${id}" lang="${lang}"></news-explainer>
</main>
<script src="/preview.js"></script>
<script async src="${apiOrigin}/v1/embed.js"></script>
</body>
</html>`;

// Polls the status; reloads when a new build succeeded; lists problems as text (never HTML).
const SCRIPT = `let seen = null;
async function poll() {
  try {
    const s = await (await fetch('/status')).json();
    if (seen !== null && s.version !== seen && s.errors.length === 0) return location.reload();
    seen = s.version;
    const show = (section, list, lines) => {
      document.getElementById(list).replaceChildren(...lines.map((e) => Object.assign(document.createElement('li'), { textContent: e })));
      document.getElementById(section).hidden = lines.length === 0;
    };
    show('mine', 'errors', s.errors);
    show('elsewhere', 'others', s.others);
    document.querySelector('news-explainer').hidden = s.errors.length > 0;
    document.getElementById('state').textContent = s.errors.length ? s.errors.length + ' problem(s) to fix' : 'Build ' + s.version + ' ok';
  } catch {}
  setTimeout(poll, 800);
}
poll();`;

const CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#fbfaf7}main{max-width:760px;margin:0 auto;padding:16px}
.bar{color:#555}h2{font-size:16px;margin:16px 0 4px}#errors,#others{background:#fff4f4;border:1px solid #c00;color:#900;padding:12px 12px 12px 32px;font-family:ui-monospace,monospace;font-size:14px}#others{background:#f6f6f6;border-color:#999;color:#333}`;

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const csp = pageCsp({ origins: [apiOrigin] });
  const send = (type: string, body: string) =>
    res
      .writeHead(200, {
        'Content-Type': `${type}; charset=utf-8`,
        'Content-Security-Policy': csp,
        'Cache-Control': 'no-store',
      })
      .end(body);
  if (path === '/') return send('text/html', PAGE);
  if (path === '/preview.js') return send('text/javascript', SCRIPT);
  if (path === '/preview.css') return send('text/css', CSS);
  if (path === '/status') return send('application/json', JSON.stringify(status));
  res.writeHead(404).end();
});
await rebuild();
server.listen(Number(values.port), '127.0.0.1', () =>
  console.log(`preview: http://127.0.0.1:${values.port}/ (API ${apiOrigin}); edit content/${id}/${lang}.json`),
);

let timer: NodeJS.Timeout | undefined;
const changed = () => {
  clearTimeout(timer);
  timer = setTimeout(() => void rebuild().catch((err: unknown) => console.error('preview: rebuild failed', err)), 150);
};
// Directories, not files: editors that save by replacing a file (a new inode) stay seen.
const watched = new Set<string>();
function watchFolders(): void {
  const dirs = [
    join(root, 'content'),
    ...readdirSync(join(root, 'content'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(root, 'content', d.name)),
  ];
  for (const dir of dirs) {
    if (watched.has(dir)) continue;
    watched.add(dir);
    watch(dir, (_event, name) => {
      if (name && !name.endsWith('.json')) {
        watchFolders();
        return;
      } // a new explainer's folder
      changed();
    });
  }
}
watchFolders();
const stop = () => {
  server.close();
  void mf.dispose().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
