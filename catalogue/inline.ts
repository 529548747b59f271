/**
 * @module Inline formatting for explainer text, parsed once at build time.
 *
 * Editors write `*emphasis*`, `[label](https://…)` and citations `[^source-id]`.
 * The output is a small typed structure that the widget and the server renderer turn into
 * elements, so text never travels as HTML.
 */

/** One run of inline content. Plain text never contains markup characters with meaning. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em'; text: string }
  | { type: 'link'; text: string; href: string }
  | { type: 'cite'; source: string };

/** The result of parsing: the runs, or the first problem found (with its character offset). */
export type InlineParse = { ok: true; value: Inline[] } | { ok: false; error: string };

const TOKEN = /\*([^*\n]+)\*|\[\^([a-z0-9][a-z0-9-]*)\]|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/**
 * Parses one string of authored text into inline runs.
 *
 * @example
 * parseInline('The [ICC](https://www.icc-cpi.int) says *so*[^icc]')
 * // → text, link, text, em, cite
 */
export function parseInline(source: string): InlineParse {
  const out: Inline[] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    const at = m.index;
    if (at > last) out.push({ type: 'text', text: source.slice(last, at) });
    if (m[1] !== undefined) out.push({ type: 'em', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'cite', source: m[2] });
    else {
      const href = m[4] ?? '';
      if (!isHttpsUrl(href)) return { ok: false, error: `link "${m[3]}" must use an https: URL, got "${href}"` };
      out.push({ type: 'link', text: m[3] ?? '', href });
    }
    last = at + m[0].length;
  }
  if (last < source.length) out.push({ type: 'text', text: source.slice(last) });
  // A stray marker means the author meant markup that did not parse: fail loudly, not silently.
  for (const run of out) {
    if (run.type === 'text' && /[*[\]]/.test(run.text)) {
      return { ok: false, error: `unbalanced markup near "${run.text.trim().slice(0, 40)}"` };
    }
  }
  return { ok: true, value: out };
}

/** True for absolute https: URLs with a host; the only links we ever render. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The plain text of inline runs (citations dropped), for titles, meta tags and search. */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => (r.type === 'cite' ? '' : r.text)).join('');
}
