/** Types shared by every route: `new Hono<AppEnv>()` makes `c.env` typed everywhere. */
export type Bindings = Record<string, never>;
export type AppEnv = { Bindings: Bindings };
