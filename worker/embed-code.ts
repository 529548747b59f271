/**
 * @module The embed code for every mode a publisher can choose (the embed builder, /embed).
 */
import type { Theme } from '../ui/theme.ts';
import { attr } from './escape.ts';

export const MODES = ['snippet', 'script', 'placeholder', 'iframe', 'amp', 'wordpress'] as const;
export type Mode = (typeof MODES)[number];

/** Every embed mode with what a publisher is told about it: the builder and the demo list these. */
export const EMBED_MODES: Record<Mode, { label: string; note: string }> = {
  snippet: { label: 'Server-rendered snippet', note: 'No layout shift, readable without JavaScript (recommended).' },
  script: { label: 'Script tag', note: 'Renders where the tag stands.' },
  placeholder: { label: 'Placeholder', note: 'A div anywhere, plus one script per page; single-page apps too.' },
  iframe: { label: 'Iframe', note: 'For CMSs that allow only iframes; sizes itself with our script on the page.' },
  amp: { label: 'AMP', note: 'amp-iframe, resizable.' },
  wordpress: { label: 'WordPress URL', note: 'Paste the address alone on a line: WordPress embeds it (oEmbed).' },
};

export interface EmbedChoice {
  id: string;
  title: string;
  lang?: string;
  mode: Mode;
  theme?: Theme;
  accent?: string;
  /** embed.js pinned to this release, checked with Subresource Integrity (its hashed URL). */
  pinned?: { src: string; integrity: string };
}

/**
 * The code to paste for a choice (the snippet mode needs the server-rendered snippet's HTML).
 *
 * @example embedCode({ id: 'x', title: 'X', mode: 'script' }, 'https://o', '') // → '<script async src=…'
 */
export function embedCode(choice: EmbedChoice, origin: string, snippet: string): string {
  const { id, lang, theme, mode } = choice;
  const data = `data-explainer="${id}"${lang ? ` data-lang="${lang}"` : ''}${theme ? ` data-theme="${theme}"` : ''}`;
  const tag = (extra: string) =>
    choice.pinned
      ? `<script async src="${choice.pinned.src}" integrity="${choice.pinned.integrity}" crossorigin="anonymous"${extra}></script>`
      : `<script async src="${origin}/v1/embed.js"${extra}></script>`;
  const script = tag('');
  const query = [lang ? `lang=${lang}` : '', theme && theme !== 'auto' ? `theme=${theme}` : '']
    .filter(Boolean)
    .join('&');
  const page = `${origin}/explainers/${id}${query ? `?${query}` : ''}`;
  const title = attr(choice.title);
  switch (mode) {
    case 'snippet':
      return snippet.replace(`<script async src="${origin}/v1/embed.js"></script>`, script);
    case 'script':
      return tag(` ${data}`);
    case 'placeholder':
      return `<div ${data}></div>\n${script}`;
    case 'iframe':
      // Lazy, as iframes far down an article should be: the browser loads it as the reader nears.
      return `<iframe data-explainer-frame src="${page}" title="${title}" loading="lazy" width="100%" height="900" frameborder="0"></iframe>\n${script}`;
    case 'amp':
      return (
        `<amp-iframe width="600" height="900" layout="fixed-height" resizable frameborder="0"\n` +
        `  sandbox="allow-scripts allow-same-origin allow-popups" src="${page}" title="${title}">\n` +
        `  <button overflow type="button">Show the whole explainer</button>\n</amp-iframe>`
      );
    case 'wordpress':
      return page;
  }
}

/** The stylesheet rule that gives the widget a publisher's accent colour, when one is chosen. */
export function accentCss(accent: string | undefined): string | null {
  return accent ? `news-explainer { --news-explainer-accent: ${accent}; }` : null;
}
