/**
 * Types shared by every route: `new Hono<AppEnv>()` makes `c.env` typed everywhere. The
 * bindings are `Env`, generated from wrangler.toml by `npm run cf-typegen` (CI checks it).
 */
export type AppEnv = { Bindings: Env };
