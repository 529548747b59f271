// Main-thread cost the widget adds to a publisher's page, against a floor.
//
// Two host pages on their own origin, identical but for the explainer:
//   floor: the explainer as static HTML (the Worker's /snippet with every <script> removed);
//   ours:  the script embed, <script async src="ORIGIN/v1/embed.js" data-explainer="…">.
// Each round loads each page once in a FRESH Chromium (cold cache, new profile), CPU throttled
// through CDP, and reads the renderer's Performance metrics, long tasks and CLS. The order
// alternates between rounds (floor/ours, ours/floor) so machine noise hits both alike; the
// table reports medians and the median of the per-round paired differences (ours − floor).
//
// Usage: npm run bench:browser [-- --rounds 8 --width 700 --throttle 4]
// Needs the generated sources (`npm run build`) and Chromium ($CHROME_PATH or /usr/bin/chromium).
// Raw rounds: .cache/bench/browser.json
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tools/chromium.ts';
import { deployBundle, ROOT, startWorker, wranglerEnv } from '../tools/worker.ts';
import { writeFileIn } from './harness.ts';

const EXPLAINER = 'putin-baku-2024';
const CHROMIUM = findChromium(); // $CHROME_PATH, else Debian's /usr/bin/chromium
const HEIGHT = 900;
const IDLE_MS = 1000; // "settled": this long after load (floor) or after the widget rendered (ours)
const STEP_TIMEOUT = 30_000; // any single wait: launch, navigation, widget render
const POLL_MS = 100; // how often the page is asked whether the widget rendered (cheap, same for both pages)

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '8' },
    width: { type: 'string', default: '700' },
    throttle: { type: 'string', default: '4' },
  },
});
function intArg(name: keyof typeof values, min: number, max: number): number {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${values[name]}"`);
  return Math.min(Math.round(n), max);
}
const ROUNDS = intArg('rounds', 1, 30);
const WIDTH = intArg('width', 200, 2000);
const THROTTLE = intArg('throttle', 1, 20);

const buildDir = join(ROOT, '.cache', 'bench-browser');
const outDir = join(ROOT, '.cache', 'bench');

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

// Every browser profile, and Chromium's own temporary files (TMPDIR), live under one folder of ours.
const scratch = mkdtempSync(join(tmpdir(), 'nx-bench-browser-'));
function removeScratch(): void {
  try {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  } catch (err) {
    console.error(`bench:browser: could not remove ${scratch}: ${message(err)}`);
  }
}
// On a sudden exit (Miniflare's SIGINT hook exits at once, before our async cleanup can run): kill
// every process still using our scratch folder (Chromium passes --user-data-dir to all of its
// processes), then remove it. Linux /proc; Playwright's own exit hook may not have run yet.
process.on('exit', () => {
  for (const pid of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(scratch)) continue;
      // Its whole process group (Playwright starts the browser as a group leader), so children it is forking go too.
      const field = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1]?.split(' ')[2];
      if (field === undefined) continue;
      const pgid = Number(field);
      process.kill(pgid > 1 && pgid !== process.pid ? -pgid : Number(pid), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
  removeScratch();
});

// ---------------------------------------------------------------------------------------------
// Cleanup and the overall time limit: everything started registers its own teardown here.

const cleanups = new Set<() => unknown>();
function onCleanup(fn: () => unknown): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}
async function cleanupAll(): Promise<void> {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      await withTimeout(Promise.resolve().then(fn), 10_000, 'cleanup');
    } catch (err) {
      console.error(`bench:browser: cleanup failed: ${message(err)}`);
    }
  }
}

/** Rejects after `ms` with a message naming the step; clears its timer when `promise` settles. */
function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

// A whole measurement is bounded by its steps (~4 × STEP_TIMEOUT); the run, by this watchdog.
const RUN_LIMIT_MS = 180_000 + ROUNDS * 2 * 90_000;
let stopping = false;
async function stop(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`bench:browser: ${reason}; stopping`);
  await cleanupAll();
  process.exit(code);
}
const watchdog = setTimeout(() => void stop(`run exceeded ${RUN_LIMIT_MS / 1000} s`, 2), RUN_LIMIT_MS);
watchdog.unref();
process.once('SIGINT', () => void stop('interrupted', 130));
process.once('SIGTERM', () => void stop('terminated', 143));

// ---------------------------------------------------------------------------------------------
// Servers

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(STEP_TIMEOUT) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

const FILLER = [
  'The talks opened on Monday morning with the usual exchange of statements, each side careful to promise progress without saying what progress would look like or how anyone would know it had happened.',
  'Officials who briefed reporters afterwards described the mood as businesslike. Several of them, speaking on condition of anonymity, said that the harder questions had been left for working groups that will meet later in the year.',
  'Analysts were quick to point out that the venue itself carried a message. The city has spent a decade presenting itself as a neutral meeting point, and its hosts did little to discourage that reading this week.',
  'Outside the conference centre, traffic was diverted for most of the day. Residents queued at checkpoints, shopkeepers pulled down their shutters early, and the few cafés that stayed open did brisk business with journalists.',
  'The agenda, published only hours before the first session, listed energy, transport corridors and regional security. Trade was conspicuously absent, though two delegations said it would come up informally over dinner.',
  'Markets reacted calmly. The currency moved within its recent range, and bond prices barely changed, suggesting that investors had already priced in a meeting that would produce more photographs than agreements.',
  'By the evening, the joint communiqué had gone through four drafts. Diplomats said the final text was shorter than expected, which some read as a sign of disagreement and others as a sign of discipline.',
  'Opposition figures dismissed the meeting as theatre. A spokesperson for the largest opposition party said that nothing discussed behind closed doors would change the lives of people queuing at the checkpoints outside.',
  'The next round is expected in the spring, although no date has been set. Both sides said they would use the intervening months to study each other’s proposals, a phrase that has preceded long silences before.',
  'Historians note that similar summits in the region have tended to matter less for what they decided than for who attended. By that measure, this week’s guest list will be read closely in several capitals.',
  'Local newspapers gave the summit their front pages but devoted most of the coverage to the disruption it caused, from cancelled school trips to a wedding that had to be moved across town at a day’s notice.',
  'For now, the most concrete outcome is a commitment to keep talking. Whether that commitment survives the winter, officials conceded privately, will depend on events that none of the delegations can control.',
];

/** A publisher-like article: heading, six paragraphs, the explainer, six more paragraphs. */
function hostPage({ head = '', explainer }: { head?: string; explainer: string }): string {
  const paragraphs = (from: number) =>
    FILLER.slice(from, from + 6)
      .map((p) => `      <p>${p}</p>`)
      .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Leaders meet for talks as the city locks down · The Bench Gazette</title>
    <link rel="icon" href="data:,">${head}
    <style>body{margin:0 auto;max-width:680px;padding:0 16px;font:18px/1.6 Georgia,serif;color:#1a1a1a}h1{font-size:2rem;line-height:1.2}</style>
  </head>
  <body>
    <main>
      <article>
      <h1>Leaders meet for talks as the city locks down</h1>
${paragraphs(0)}
      ${explainer}
${paragraphs(6)}
      </article>
    </main>
  </body>
</html>
`;
}

function startHostServer(pages: Record<string, string>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://host').pathname];
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------------------------------------
// What the page records about itself (installed before any page script runs).

/** window.__nxBench, as INIT_SCRIPT fills it in. */
interface PageRecord {
  longTasks: number;
  longTaskMs: number;
  cls: number;
  fcp: number | null;
  lcp: number | null;
  widgetLoadAt: number | null;
  widgetFrameAt: number | null;
}

const INIT_SCRIPT = `(() => {
  const m = (window.__nxBench = { longTasks: 0, longTaskMs: 0, cls: 0, fcp: null, lcp: null, widgetLoadAt: null, widgetFrameAt: null });
  const observe = (type, fn) => { try { new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  observe('longtask', (e) => { if (e.duration > 50) { m.longTasks++; m.longTaskMs += e.duration; } });
  observe('layout-shift', (e) => { if (!e.hadRecentInput) m.cls += e.value; });
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
  observe('largest-contentful-paint', (e) => { m.lcp = e.renderTime || e.startTime; });
  document.addEventListener('news-explainer:load', () => {
    if (m.widgetLoadAt !== null) return;
    m.widgetLoadAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => { m.widgetFrameAt = performance.now(); }));
  }, { capture: true });
})();`;

/** True once the widget's shadow root shows the title and the element is no longer busy. */
function widgetRendered(): number | false {
  const el = document.querySelector('news-explainer');
  return el && !el.hasAttribute('aria-busy') && el.shadowRoot && el.shadowRoot.querySelector('.nx-title')
    ? performance.now()
    : false;
}

const LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: WIDTH, height: HEIGHT },
  timeout: STEP_TIMEOUT,
  // Our own SIGINT/SIGTERM handler closes the browsers (and the servers) in order.
  handleSIGINT: false,
  handleSIGTERM: false,
  // Chromium's crash folder stays out of $HOME (toolchain.md: XDG_CONFIG_HOME, as for wrangler);
  // its temporary files, in our scratch folder.
  env: { ...wranglerEnv(), TMPDIR: scratch },
};

/** One page load's numbers; null where Chromium did not report the metric. */
interface Measurement {
  taskMs: number | null;
  scriptMs: number | null;
  layoutMs: number | null;
  recalcStyleMs: number | null;
  longTasks: number;
  longTaskMs: number;
  cls: number;
  fcpMs: number | null;
  lcpMs: number | null;
  widgetReadyMs: number | null;
  errors: string[];
}
type Metric = Exclude<keyof Measurement, 'errors'>;

/** One cold load of `url` in a fresh browser; `widget` says whether to wait for the widget. */
async function measure(url: string, widget: boolean): Promise<Measurement> {
  const profile = mkdtempSync(join(scratch, 'profile-'));
  const launching = chromium.launchPersistentContext(profile, LAUNCH);
  let closing: Promise<void> | undefined;
  // Idempotent: from the `finally` below, or from the run's cleanup if it stops mid-load.
  const close = () =>
    (closing ??= (async () => {
      const context = await withTimeout(launching, STEP_TIMEOUT, 'launch Chromium').catch(() => null);
      await withTimeout(context ? context.close() : Promise.resolve(), 10_000, 'close Chromium').catch((err: unknown) =>
        console.error(`bench:browser: ${message(err)}`),
      );
      rmSync(profile, { recursive: true, force: true });
    })());
  const forget = onCleanup(close);
  try {
    const context = await withTimeout(launching, STEP_TIMEOUT, 'launch Chromium');
    context.setDefaultTimeout(STEP_TIMEOUT);
    await context.addInitScript(INIT_SCRIPT);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });

    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url, { waitUntil: 'load', timeout: STEP_TIMEOUT });
    let renderedAt: number | null = null;
    if (widget) {
      const handle = await page.waitForFunction(widgetRendered, null, { polling: POLL_MS, timeout: STEP_TIMEOUT });
      const at = await handle.jsonValue();
      renderedAt = at === false ? null : at;
    }
    await sleep(IDLE_MS);

    const { metrics } = await withTimeout(cdp.send('Performance.getMetrics'), STEP_TIMEOUT, 'Performance.getMetrics');
    const ms = (name: string) => {
      const m = metrics.find((x) => x.name === name);
      return m ? m.value * 1000 : null;
    };
    const self = await page.evaluate(() => (window as unknown as { __nxBench: PageRecord }).__nxBench);
    return {
      taskMs: ms('TaskDuration'),
      scriptMs: ms('ScriptDuration'),
      layoutMs: ms('LayoutDuration'),
      recalcStyleMs: ms('RecalcStyleDuration'),
      longTasks: self.longTasks,
      longTaskMs: self.longTaskMs,
      cls: self.cls,
      fcpMs: self.fcp,
      lcpMs: self.lcp,
      // The frame after the widget's `news-explainer:load` event (its render), else the first poll that saw it.
      widgetReadyMs: widget ? (self.widgetFrameAt ?? renderedAt) : null,
      errors,
    };
  } finally {
    forget();
    await close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

type Kind = 'floor' | 'ours';
interface Round {
  round: number;
  order: Kind[];
  floor: Measurement;
  ours: Measurement;
}

function median(xs: readonly (number | null)[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const [below, at] = [v[mid - 1], v[mid]];
  if (at === undefined) return null;
  return v.length % 2 || below === undefined ? at : (below + at) / 2;
}

/** ours − floor in one round, or null where either is missing. */
function delta(round: Round, key: Metric): number | null {
  const [floor, ours] = [round.floor[key], round.ours[key]];
  return floor === null || ours === null ? null : ours - floor;
}

const METRICS: { key: Metric; label: string; digits: number }[] = [
  { key: 'taskMs', label: 'main-thread task time (ms)', digits: 1 },
  // Chromium's ScriptDuration leaves out promise callbacks (microtasks), where a fetch-then-render runs.
  { key: 'scriptMs', label: 'script, excl. microtasks (ms)', digits: 1 },
  { key: 'layoutMs', label: 'layout (ms)', digits: 1 },
  { key: 'recalcStyleMs', label: 'style recalc (ms)', digits: 1 },
  { key: 'longTasks', label: 'long tasks > 50 ms (count)', digits: 1 },
  { key: 'longTaskMs', label: 'long tasks > 50 ms (total ms)', digits: 1 },
  { key: 'cls', label: 'CLS (sum of shifts)', digits: 4 },
  { key: 'fcpMs', label: 'first contentful paint (ms)', digits: 0 },
  { key: 'lcpMs', label: 'largest contentful paint (ms)', digits: 0 },
  { key: 'widgetReadyMs', label: 'widget rendered (ms after nav)', digits: 0 },
];

function fmt(x: number | null, digits: number): number | '—' {
  return x === null ? '—' : Number(x.toFixed(digits));
}

function summarize(rounds: readonly Round[]) {
  return METRICS.map(({ key, label, digits }) => {
    const floor = rounds.map((r) => r.floor[key]);
    const ours = rounds.map((r) => r.ours[key]);
    const diffs = rounds.map((r) => delta(r, key)).filter((d) => d !== null);
    return {
      metric: label,
      'floor median': fmt(median(floor), digits),
      'ours median': fmt(median(ours), digits),
      'median Δ (ours − floor)': fmt(median(diffs), digits),
      'Δ min … max': diffs.length ? `${fmt(Math.min(...diffs), digits)} … ${fmt(Math.max(...diffs), digits)}` : '—',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The run

const started = Date.now();
try {
  if (!existsSync(join(ROOT, 'generated')))
    throw new Error('generated sources are missing: run `npm run build` first (npm run bench does)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

  // The real Worker, bundled exactly as deploy would bundle it, served with the catalogue seeded.
  const starting = startWorker(deployBundle(buildDir));
  // Registered before it answers, so that a stop during start-up disposes of it too.
  onCleanup(() =>
    starting.then(
      (worker) => worker.stop(),
      () => undefined,
    ),
  );
  const { origin } = await withTimeout(starting, 60_000, 'Miniflare start');

  // The floor: the server-rendered explainer with every script removed.
  const snippet = await fetchText(`${origin}/explainers/${EXPLAINER}/snippet`);
  const staticHtml = snippet.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '').trim();
  const declarative = /<template\b[^>]*\bshadowrootmode\b/i.test(staticHtml);
  const floorHead = declarative ? '' : `\n    <link rel="stylesheet" href="${origin}/v1/explainer.css">`;
  const embedJs = await fetchText(`${origin}/v1/embed.js`);

  const host = await startHostServer({
    '/floor': hostPage({ head: floorHead, explainer: staticHtml }),
    '/ours': hostPage({
      explainer: `<script async src="${origin}/v1/embed.js" data-explainer="${EXPLAINER}"></script>`,
    }),
  });
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        host.close(() => resolve());
        host.closeAllConnections();
      }),
  );
  const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;

  let browserVersion = 'unknown';
  try {
    browserVersion = execFileSync(CHROMIUM, ['--version'], { timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    // only for the record
  }
  console.log(
    `bench:browser: ${ROUNDS} rounds, ${WIDTH}×${HEIGHT}, CPU ${THROTTLE}× slower, ${browserVersion}\n` +
      `  worker ${origin}, host pages ${hostOrigin}; floor = ${declarative ? 'declarative shadow root' : 'HTML fragment + explainer.css'} ` +
      `(${staticHtml.length} B), embed.js ${embedJs.length} B`,
  );

  const rounds: Round[] = [];
  const n0 = (x: number | null) => (x === null ? '—' : x.toFixed(0));
  for (let r = 0; r < ROUNDS; r++) {
    const order: Kind[] = r % 2 === 0 ? ['floor', 'ours'] : ['ours', 'floor'];
    const measured: Partial<Record<Kind, Measurement>> = {};
    for (const kind of order) {
      const m = await measure(`${hostOrigin}/${kind}`, kind === 'ours');
      measured[kind] = m;
      if (m.errors.length) console.warn(`  round ${r + 1} ${kind}: page errors: ${m.errors.join('; ')}`);
    }
    const { floor, ours } = measured;
    if (!floor || !ours) throw new Error(`round ${r + 1}: a page was not measured`);
    // `...measured` first: floor and ours stay in the order they were measured (as in browser.json).
    const round: Round = { round: r + 1, order, ...measured, floor, ours };
    rounds.push(round);
    console.log(
      `  round ${r + 1}/${ROUNDS} (${order.join(' then ')}): task ms floor ${n0(floor.taskMs)}, ` +
        `ours ${n0(ours.taskMs)} (Δ ${n0(delta(round, 'taskMs'))}); long tasks floor ${floor.longTasks}, ours ${ours.longTasks}`,
    );
  }

  const table = summarize(rounds);
  const extraLong = median(rounds.map((r) => r.ours.longTasks - r.floor.longTasks));
  const extraLongMs = median(rounds.map((r) => r.ours.longTaskMs - r.floor.longTaskMs));
  console.table(table);
  console.log(
    `long tasks (> 50 ms) attributable to the widget: ${extraLong} (median of ours − floor per round), ` +
      `${n0(extraLongMs)} ms of long-task time`,
  );

  const file = join(outDir, 'browser.json');
  writeFileIn(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        browser: browserVersion,
        settings: { rounds: ROUNDS, width: WIDTH, height: HEIGHT, throttle: THROTTLE, idleMs: IDLE_MS },
        explainer: EXPLAINER,
        floor: declarative ? 'declarative-shadow-root' : 'fragment+explainer.css',
        bytes: { floorHtml: staticHtml.length, embedJs: embedJs.length },
        summary: { table, longTasksAttributable: extraLong, longTaskMsAttributable: extraLongMs },
        rounds,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`raw rounds: ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} catch (err) {
  process.exitCode = 1;
  console.error(`bench:browser: ${(err instanceof Error ? err.stack : undefined) ?? String(err)}`);
} finally {
  clearTimeout(watchdog);
  await cleanupAll();
  removeScratch();
}
