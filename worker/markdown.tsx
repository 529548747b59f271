/**
 * @module The small Markdown subset our API description is written in, as Preact elements:
 * `code`, **bold**, [links](https://…) (https: or same-origin `/` paths only), paragraphs split
 * on blank lines, `- ` and `1. ` lists, `#` headings and fenced code. Text is never HTML: every
 * character of the source ends up as text (Preact escapes it), never as markup, so `<script>`
 * in a description is shown, not run. Anything we do not recognise stays as it was written.
 */
import type { ComponentChildren, VNode } from 'preact';

/**
 * The URL a Markdown link may point to: an https: URL with a host, or a path on our own origin
 * (`/…`, not `//host` nor `/\host`, which browsers read as another host). Anything else: null.
 */
export function safeHref(url: string): string | null {
  if (/^https:\/\/[^\s/\\?#][^\s\\]*$/i.test(url)) return url;
  if (/^\/(?![/\\])[^\s\\]*$/.test(url)) return url;
  return null;
}

/** `code`, **bold** and [text](url), in that order of precedence at any one position. */
const INLINE = /`([^`\n]+)`|\*\*(?=\S)([\s\S]*?\S)\*\*|\[([^\]\n]+)\]\(([^()\s]+)\)/g;

/**
 * One line (or paragraph) of inline Markdown as text and elements. A link whose target is not
 * safe (see `safeHref`) stays as the text it was written as; so does a lone backtick or `**`.
 *
 * @example inline('Use `lang`, see [the spec](https://example.org).')
 */
export function inline(text: string, { links = true }: { links?: boolean } = {}): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const [whole, code, bold, label, href] = m;
    if (m.index > last) out.push(text.slice(last, m.index));
    last = m.index + whole.length;
    if (code !== undefined) out.push(<code>{code}</code>);
    else if (bold !== undefined) out.push(<strong>{inline(bold, { links })}</strong>);
    else {
      const safe = links && href !== undefined ? safeHref(href) : null;
      out.push(safe && label !== undefined ? <a href={safe}>{inline(label, { links: false })}</a> : whole);
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export interface MarkdownOptions {
  /**
   * The level the text's shallowest headings become (deeper ones one level per `#`, up to 6).
   * Without it a heading is shown as a bold paragraph, so that a description never breaks the
   * outline of the page around it.
   */
  headingLevel?: number;
}

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'ul' | 'ol'; items: string[][] }
  | { kind: 'h'; depth: number; text: string }
  | { kind: 'pre'; lines: string[] };

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

function blocks(text: string): Block[] {
  const out: Block[] = [];
  let open = null as Block | null;
  let fence: string | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      else if (open?.kind === 'pre') open.lines.push(line);
      continue;
    }
    const fenced = FENCE.exec(line);
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (fenced) {
      fence = fenced[1]!;
      out.push((open = { kind: 'pre', lines: [] }));
    } else if (line.trim() === '') {
      open = null;
    } else if (heading) {
      out.push({ kind: 'h', depth: heading[1]!.length, text: heading[2]! });
      open = null;
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)![1]!;
      if (open?.kind === kind) open.items.push([item]);
      else out.push((open = { kind, items: [[item]] }));
    } else if (open?.kind === 'ul' || open?.kind === 'ol') {
      // A line under an item continues it (Markdown's "lazy" continuation).
      open.items[open.items.length - 1]!.push(line.trim());
    } else if (open?.kind === 'p') {
      open.lines.push(line.trim());
    } else {
      out.push((open = { kind: 'p', lines: [line.trim()] }));
    }
  }
  return out;
}

/**
 * Markdown text as block elements (paragraphs, lists, headings, code).
 *
 * @example <div>{markdown('First paragraph.\n\n- one\n- two')}</div>
 */
export function markdown(text: string, options: MarkdownOptions = {}): VNode[] {
  const all = blocks(text);
  const top = Math.min(...all.map((b) => (b.kind === 'h' ? b.depth : 6)));
  return all.map((b, i) => {
    switch (b.kind) {
      case 'p':
        return <p key={i}>{inline(b.lines.join('\n'))}</p>;
      case 'ul':
      case 'ol': {
        const items = b.items.map((lines, j) => <li key={j}>{inline(lines.join('\n'))}</li>);
        return b.kind === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i}>{items}</ol>;
      }
      case 'pre':
        // Wrapped, not scrolled (site.css): a block that does not scroll needs no tab stop.
        return (
          <pre key={i} class="md-code">
            <code>{b.lines.join('\n')}</code>
          </pre>
        );
      case 'h': {
        if (options.headingLevel === undefined)
          return (
            <p key={i}>
              <strong>{inline(b.text)}</strong>
            </p>
          );
        const level = Math.min(6, options.headingLevel + b.depth - top);
        const Tag = `h${level}` as 'h2';
        return <Tag key={i}>{inline(b.text)}</Tag>;
      }
    }
  });
}

/** A description split at its top-level headings (the shallowest level it uses). */
export interface Sections {
  /** The text before the first heading. */
  intro: string;
  sections: { title: string; body: string }[];
}

/**
 * Splits Markdown at its shallowest headings (outside fenced code), for a page that gives each
 * part a section of its own.
 *
 * @example splitSections('Intro.\n\n## Versioning\n\nPaths start with /v1.')
 * // { intro: 'Intro.', sections: [{ title: 'Versioning', body: 'Paths start with /v1.' }] }
 */
export function splitSections(text: string): Sections {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headings: { at: number; depth: number; title: string }[] = [];
  let fence: string | null = null;
  lines.forEach((line, at) => {
    const fenced = FENCE.exec(line);
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
    } else if (fenced) fence = fenced[1]!;
    else {
      const h = HEADING.exec(line);
      if (h) headings.push({ at, depth: h[1]!.length, title: h[2]! });
    }
  });
  const top = Math.min(...headings.map((h) => h.depth));
  const starts = headings.filter((h) => h.depth === top);
  const first = starts[0]?.at ?? lines.length;
  return {
    intro: lines.slice(0, first).join('\n').trim(),
    sections: starts.map((h, i) => ({
      title: h.title,
      body: lines
        .slice(h.at + 1, starts[i + 1]?.at ?? lines.length)
        .join('\n')
        .trim(),
    })),
  };
}
