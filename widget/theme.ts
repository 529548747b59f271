/**
 * @module Picking a colour theme that fits the host page.
 */

import { THEMES, type Theme } from '../ui/theme.ts';

/**
 * The theme for an element: its `theme` attribute when set (`light`, `dark`, `auto`), otherwise
 * dark exactly when the page behind it is dark, so the widget looks like it belongs.
 */
export function resolveTheme(el: Element): Theme {
  const attr = el.getAttribute('theme') as Theme;
  if (THEMES.includes(attr)) return attr;
  for (let node = el.parentElement; node; node = node.parentElement) {
    // `rgb(r, g, b)` / `rgba(r, g, b, a)`; transparent (alpha 0) or unknown colours show what is behind.
    const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(
      getComputedStyle(node).backgroundColor,
    );
    if (m && Number(m[4]) !== 0) {
      // Relative luminance (sRGB approximation); below ~0.35 the page reads as dark.
      const luminance = [0.2126, 0.7152, 0.0722].reduce((sum, w, i) => sum + w * (Number(m[i + 1]) / 255) ** 2.2, 0);
      return luminance < 0.35 ? 'dark' : 'light';
    }
  }
  // Transparent all the way up: the canvas shows. Follow the reader's system setting only if
  // the page says it supports a dark scheme (CSS color-scheme or <meta name="color-scheme">;
  // join() writes a missing one as '').
  const meta = document.querySelector<HTMLMetaElement>('meta[name=color-scheme]')?.content;
  return /dark/.test([getComputedStyle(document.documentElement).colorScheme, meta].join()) ? 'auto' : 'light';
}
