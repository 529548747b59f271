/**
 * @module The shape of compiled content: what the content build produces from content/.
 *
 * Bodies are serialized once at build time. `content:publish` stores them in Workers KV
 * (generated/kv.json), where the Worker reads them; tests read generated/content.ts. Their
 * hash here is the version publish compares; the Worker makes its ETags (worker/etag.ts).
 */
import type { Explainer } from './schema.ts';

/** A response body prepared at build time, with its strong ETag. */
export interface Prepared {
  body: string;
  etag: string;
}

/** One language of one explainer: the document (for server rendering) and its JSON bytes. */
export interface CompiledDocument extends Prepared {
  data: Explainer;
}

export interface CompiledExplainer {
  /** The language served when a request names none: the first in the catalogue's order. */
  defaultLang: string;
  langs: Record<string, CompiledDocument>;
}

export interface CompiledContent {
  /** The index lives in the catalogue (catalogue/kv.ts), paged by the Worker. */
  explainers: Record<string, CompiledExplainer>;
}
