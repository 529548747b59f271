/**
 * @module Fetching explainers from the API: one request per document, however many embeds.
 */
import type { Explainer } from '../catalogue/schema.ts';

/** An API failure with what the reader-facing fallback and the host's error event need. */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const inflight = new Map<string, Promise<Explainer | null>>();

/** The edition's URL; with `rendering`, it answers 204 while that server rendering is current. */
export function explainerUrl(origin: string, id: string, lang: string | null, rendering?: string | null): string {
  const url = `${origin}/v1/explainers/${encodeURIComponent(id)}`;
  // A server rendering always names its edition's language. The attribute's value goes only to
  // our own API, which answers 400 to anything but a rendering it made.
  return lang ? `${url}?lang=${encodeURIComponent(lang)}${rendering ? `&rendering=${rendering}` : ''}` : url;
}

/**
 * Fetches one explainer, or null when a snippet's rendering is current (204). Concurrent and
 * later calls for the same URL share one request; a failed request is forgotten so that
 * "Try again" really tries again.
 * A simple CORS GET with no credentials and no custom headers, so no preflight is needed.
 */
export function fetchExplainer(url: string): Promise<Explainer | null> {
  let pending = inflight.get(url);
  if (!pending) {
    pending = fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' }).then(read, () => {
      throw new LoadError('network error', 0);
    });
    inflight.set(url, pending);
    pending.catch(() => inflight.delete(url));
  }
  return pending;
}

async function read(res: Response): Promise<Explainer | null> {
  if (res.status === 204) return null;
  if (!res.ok) throw new LoadError(`HTTP ${res.status}`, res.status);
  const doc = (await res.json().catch(() => null)) as Explainer | null;
  // A cheap shape check: a proxy's HTML error page or a truncated body must not reach render.
  if (!doc || typeof doc.id !== 'string' || !Array.isArray(doc.keyFacts) || !Array.isArray(doc.background))
    throw new LoadError('unexpected response', res.status);
  return doc;
}
