/**
 * @module What identifies a server rendering of an edition: a hash of the explainer's markup as
 * our components render it now. It changes with the edition's text and with our components, so
 * a snippet pasted before a same-day correction, or before a change of our markup, is known to
 * be stale; embed.js asks with it and downloads no edition while it is current.
 */
import { renderToString } from 'preact-render-to-string';
import { Explainer } from '../ui/Explainer.tsx';
import { stringsFor } from '../ui/strings/index.ts';
import type { Edition } from './catalogue.ts';
import { etagOf } from './etag.ts';
import { memoKey, rememberAsync } from './memo.ts';

/**
 * The rendering of `edition` (its light-theme markup: a theme is only an attribute the widget
 * sets itself), hashed once per isolate and version.
 *
 * @example const rendering = await renderingOf(edition); // e.g. 'oN3x…' (27 characters)
 */
export function renderingOf(edition: Edition): Promise<string> {
  return rememberAsync(memoKey.rendering(edition.key, edition.version), async () => {
    const markup = renderToString(<Explainer doc={edition.data} t={stringsFor(edition.data.lang)} theme="light" />);
    return (await etagOf(new TextEncoder().encode(markup))).slice(1, -1);
  });
}
