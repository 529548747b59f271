/**
 * @module The two origins of the browser suite: our Worker in workerd, and a
 * publisher's site on another port (so every embed is really cross-origin) serving the host
 * pages in ./hosts with the headers a strict publisher would send.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { freePort, ROOT, WRANGLER, wranglerEnv } from '../../tools/worker.ts';
import { asWordPressEmbed } from './wordpress.ts';

const HOSTS = join(import.meta.dirname, 'hosts');

export interface Running {
  origin: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${ms} ms:\n${log()}`);
}

/**
 * Starts `wrangler dev` (serving `entry` with --no-bundle, so its bundler watches nothing) on a
 * free loopback port; stop() ends it, and its workerd, by its PID.
 */
export async function startWrangler(entry: string): Promise<Running> {
  const [port, inspector] = [await freePort(), await freePort()];
  const env = { ...wranglerEnv(), CI: 'true' };
  // A local KV store of its own, written as `npm start` writes it (wrangler kv bulk put --local).
  const state = mkdtempSync(join(tmpdir(), 'nx-wrangler-state-'));
  execFileSync(
    process.execPath,
    [
      WRANGLER,
      'kv',
      'bulk',
      'put',
      join(ROOT, 'generated', 'kv.json'),
      '--binding',
      'EXPLAINERS',
      '--local',
      '--persist-to',
      state,
    ],
    { cwd: ROOT, env, stdio: 'pipe' },
  );
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      entry,
      '--no-bundle',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--log-level',
      'warn',
      '--show-interactive-dev-session=false',
      '--var',
      `PUBLIC_ORIGIN:http://127.0.0.1:${port}`,
      '--var',
      'DEMO:on',
      '--persist-to',
      state,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  // Kept in a file too: when a browser test fails, this says what the server did.
  const log = createWriteStream(join(ROOT, '.cache', 'wrangler-dev.log'), { flags: 'a' });
  log.write(`\n=== wrangler dev ${new Date().toISOString()} on port ${port}\n`);
  const record = (d: Buffer) => {
    output += d.toString();
    log.write(d);
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  child.once('exit', (code, signal) => log.end(`\n[wrangler dev exited: code ${code}, signal ${signal}]\n`));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${origin}/healthz`, child, () => output, 90_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The code the embed builder (/embed) gives for a mode, as a publisher copies it. */
export async function pasted(api: string, mode: string): Promise<string> {
  // `<mode>_pinned`: the same mode with this release's embed.js pinned with SRI.
  const query = mode.endsWith('_pinned') ? `mode=${mode.slice(0, -'_pinned'.length)}&pin=1` : `mode=${mode}`;
  const html = await (await fetch(`${api}/embed?${query}`)).text();
  const code = /<code id="embed-code">([\s\S]*?)<\/code>/.exec(html)![1]!;
  return code
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * A publisher's site. Pages come from ./hosts with `{{API}}` replaced by our origin and
 * `{{SNIPPET}}` by the embed code of `GET /explainers/putin-baku-2024/snippet`, pasted as a
 * publisher would. Each page is served with the CSP a strict publisher uses (no
 * 'unsafe-inline' anywhere); pages with the snippet add `style-src ORIGIN` for its stylesheet,
 * as the README says.
 */
export async function startHost(api: string): Promise<Running> {
  const port = await freePort();
  const csp = (styles: string) =>
    [
      "default-src 'none'",
      `script-src 'self' ${api}`,
      `connect-src ${api}`,
      `style-src ${styles}`,
      `frame-src 'self' ${api}`,
      "img-src 'self' data:",
    ].join('; ');
  const snippet = await (await fetch(`${api}/explainers/putin-baku-2024/snippet`)).text();
  // The same snippet as pasted before a same-day correction: another rendering, an old title.
  const stale = snippet
    .replace(/rendering="[\w-]{27}"/, `rendering="${'A'.repeat(27)}"`)
    .replace(/(<h2 id="nx-title" class="nx-title">)[^<]+/, '$1An uncorrected title');
  // The oEmbed html as WordPress keeps it, for the WordPress host page.
  const page = encodeURIComponent(`${api}/explainers/putin-baku-2024`);
  const oembed = (await (await fetch(`${api}/oembed?url=${page}&maxwidth=700&maxheight=1000`)).json()) as {
    html: string;
  };
  const wordpress = asWordPressEmbed(oembed.html, 'Ab3dE6gH9k');
  const types: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'text/javascript' };
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.replace(/^\/+/, '') || 'index.html';
    // `paste-<mode>.html`: the embed builder's code for that mode, pasted into an article.
    const paste = /^paste-(\w+)\.html$/.exec(name);
    if (paste) {
      void pasted(api, paste[1]!).then((code) => {
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': csp(`'self' ${api}`),
        });
        res.end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted ${paste[1]} code</title>` +
            `<link rel="icon" href="data:,"></head><body><main><p>Before.</p>\n${code}\n<p id="after">After.</p></main></body></html>`,
        );
      });
      return;
    }
    const ext = name.split('.').pop() ?? '';
    if (!/^[\w-]+\.(html|css|js)$/.test(name)) return void res.writeHead(404).end();
    // `slow-x.css` is x.css, late: the widget may then run before the page's styles apply.
    const slow = name.startsWith('slow-');
    const file = slow ? name.slice('slow-'.length) : name;
    let text: string;
    try {
      text = readFileSync(join(HOSTS, file), 'utf8').replaceAll('{{API}}', api);
    } catch {
      return void res.writeHead(404).end();
    }
    setTimeout(
      () => {
        const pasted = /\{\{(STALE_)?SNIPPET\}\}/.test(text);
        res.writeHead(200, {
          'Content-Type': `${types[ext]}; charset=utf-8`,
          'Content-Security-Policy': csp(pasted ? `'self' ${api}` : "'self'"),
        });
        res.end(
          text.replace('{{SNIPPET}}', snippet).replace('{{STALE_SNIPPET}}', stale).replace('{{WORDPRESS}}', wordpress),
        );
      },
      slow ? 1500 : 0,
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
