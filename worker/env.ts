/** Types shared by every route: `new Hono<AppEnv>()` makes `c.env` typed everywhere. */
export type Bindings = {
  /** Our public origin, as pages and snippets name it in absolute URLs (wrangler.toml `[vars]`). */
  PUBLIC_ORIGIN: string;
};
export type AppEnv = { Bindings: Bindings };
