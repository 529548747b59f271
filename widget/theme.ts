/**
 * @module Picking a colour theme that fits the host page.
 */

import type { Theme } from '../ui/theme.ts';

/** Parses `rgb(r, g, b)` / `rgba(r, g, b, a)`; null for transparent or unknown colours. */
function opaqueRgb(color: string): [number, number, number] | null {
  const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(color);
  if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The theme for an element: its `theme` attribute when set (`light`, `dark`, `auto`), otherwise
 * dark exactly when the page behind it is dark, so the widget looks like it belongs.
 */
export function resolveTheme(el: Element): Theme {
  const attr = el.getAttribute('theme');
  if (attr === 'light' || attr === 'dark' || attr === 'auto') return attr;
  for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
    const rgb = opaqueRgb(getComputedStyle(node).backgroundColor);
    if (rgb) {
      // Relative luminance (sRGB approximation); below ~0.35 the page reads as dark.
      const [r, g, b] = rgb.map((c) => (c / 255) ** 2.2) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.35 ? 'dark' : 'light';
    }
  }
  // Transparent all the way up: the canvas shows. Follow the reader's system setting only if
  // the page says it supports a dark scheme (CSS color-scheme or <meta name="color-scheme">).
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '';
  return /dark/.test(getComputedStyle(document.documentElement).colorScheme + meta) ? 'auto' : 'light';
}
