// The browser bench's host pages (a publisher's article, and a long one) and what each page
// records about itself. The pages carry no script of their own: on them, every script that runs
// is ours (or none at all).

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

/** `count` paragraphs of the article's text, from paragraph `from` on (wrapping around). */
function paragraphs(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `      <p>${FILLER[(from + i) % FILLER.length]!}</p>`).join('\n');
}

function page(body: string, style = ''): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Leaders meet for talks as the city locks down · The Bench Gazette</title>
    <link rel="icon" href="data:,">
    <style>body{margin:0 auto;max-width:680px;padding:0 16px;font:18px/1.6 Georgia,serif;color:#1a1a1a}h1{font-size:2rem;line-height:1.2}${style}</style>
  </head>
  <body>
    <main>
      <article>
      <h1>Leaders meet for talks as the city locks down</h1>
${body}
      </article>
    </main>
  </body>
</html>
`;
}

/** A publisher's article: heading, six paragraphs, the explainer's slot, six more paragraphs. */
export function articlePage(explainer: string): string {
  return page(`${paragraphs(0, 6)}\n      ${explainer}\n${paragraphs(6, 6)}`);
}

/**
 * A long article: at least four viewports of text (24 paragraphs in a box of min-height 400vh),
 * then `#slot` holding `explainer` (or nothing), then a dozen paragraphs more, so that scrolling
 * the slot to the top of the viewport lands at the same place with or without the explainer.
 */
export function longArticlePage(explainer: string): string {
  return page(
    `      <div class="long">\n${paragraphs(0, 24)}\n      </div>\n      <div id="slot">${explainer}</div>\n${paragraphs(0, 12)}`,
    '.long{min-height:400vh}',
  );
}

/** window.__nxBench, as RECORDER fills it in (times in ms since navigation start). */
export interface PageRecord {
  /** Long tasks (PerformanceObserver `longtask`: every entry is a task over 50 ms): [start, duration]. */
  longTasks: [number, number][];
  /**
   * Long animation frames (`long-animation-frame`, over 50 ms) in which a script ran (scripts of
   * 5 ms or more are listed): [start, duration], and each script's source, invoker, [start, duration].
   */
  longFrames: {
    start: number;
    duration: number;
    scripts: { url: string; invoker: string; start: number; duration: number }[];
  }[];
  cls: number;
  fcp: number | null;
  lcp: number | null;
  /** The page's `load` event, and the frame after it. */
  loadAt: number | null;
  /** The first `news-explainer:load` event, and the frame after it (the widget rendered, or kept the server's). */
  widgetLoadAt: number | null;
  widgetFrameAt: number | null;
  widgetError: string | null;
}

/**
 * Installed before any page script runs. Besides the observers it keeps two promises (outside
 * __nxBench, which is read back as JSON) for the driver to await in ONE evaluate call each, with
 * no polling: `page` (the frame after the page's load event) and `widget` (the frame after the
 * first `news-explainer:load`; rejected on `news-explainer:error`).
 */
export const RECORDER = `(() => {
  const m = (window.__nxBench = { longTasks: [], longFrames: [], cls: 0, fcp: null, lcp: null, loadAt: null, widgetLoadAt: null, widgetFrameAt: null, widgetError: null });
  const observe = (type, fn) => { try { new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  observe('longtask', (e) => m.longTasks.push([e.startTime, e.duration]));
  observe('long-animation-frame', (e) => {
    const scripts = (e.scripts || []).map((s) => ({ url: s.sourceURL, invoker: s.invoker, start: s.startTime, duration: s.duration }));
    if (scripts.length) m.longFrames.push({ start: e.startTime, duration: e.duration, scripts });
  });
  observe('layout-shift', (e) => { if (!e.hadRecentInput) m.cls += e.value; });
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
  observe('largest-contentful-paint', (e) => { m.lcp = e.renderTime || e.startTime; });
  const frameAfter = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
  const wait = (window.__nxBenchWait = {});
  wait.page = new Promise((resolve) => addEventListener('load', () => { m.loadAt = performance.now(); frameAfter().then(resolve); }, { once: true }));
  wait.widget = new Promise((resolve, reject) => {
    document.addEventListener('news-explainer:load', () => {
      if (m.widgetLoadAt !== null) return;
      m.widgetLoadAt = performance.now();
      frameAfter().then((t) => { m.widgetFrameAt = t; resolve(t); });
    }, { capture: true });
    document.addEventListener('news-explainer:error', (e) => {
      m.widgetError = JSON.stringify(e.detail);
      reject(new Error('news-explainer:error ' + m.widgetError));
    }, { capture: true });
  });
  wait.widget.catch(() => {});
  wait.frame = frameAfter;
})();`;
