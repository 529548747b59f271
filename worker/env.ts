/** Types shared by every route: `new Hono<AppEnv>()` makes `c.env` typed everywhere. */
export type Bindings = {
  /** Our public origin, as pages and snippets name it in absolute URLs (wrangler.toml `[vars]`). */
  PUBLIC_ORIGIN: string;
  /** The catalogue, written by `npm run content:publish` (catalogue/build/kv-entries.ts has the keys). */
  EXPLAINERS: KVNamespace;
};
export type AppEnv = { Bindings: Bindings };
