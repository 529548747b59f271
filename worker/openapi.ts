/**
 * @module The API's OpenAPI 3.1 description, built from the routes themselves: each route file
 * describes its routes next to their handlers (`describe(…)`), and this module composes them
 * with the JSON Schemas the content build generated from the content schema. Every GET route
 * also answers HEAD and OPTIONS (public-read-only.ts), so those are added to every path here.
 * A workerd test fails when the app has a route the description lacks.
 */
import { LANG, SLUG } from '../catalogue/patterns.ts';
import { schemas } from '../generated/schemas.ts';

type Json = Record<string, unknown>;

/** One GET operation as OpenAPI describes it. */
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: Json[];
  responses: Record<string, Json>;
}

const paths: Record<string, Operation> = {};

/**
 * Describes the GET route at `path` (OpenAPI form: `/v1/explainers/{id}`).
 *
 * @example describe('/healthz', { operationId: 'health', summary: 'Liveness', responses: { '200': ok('OK') } });
 */
export function describe(path: string, operation: Operation): void {
  paths[path] = operation;
}

export const ok = (description: string, type?: string, schema?: string): Json => ({
  description,
  headers: CACHED,
  ...(type ? { content: { [type]: schema ? { schema: { $ref: `#/components/schemas/${schema}` } } : {} } } : {}),
});

export const problem = (description: string): Json => ({
  description,
  headers: CORS,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const CORS = { 'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } } };
const CACHED = {
  ETag: { description: 'Strong validator; send it back in If-None-Match to get 304.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
  ...CORS,
};

export const NOT_MODIFIED: Json = {
  description: 'Not modified: the ETag in If-None-Match still matches.',
  headers: CACHED,
};

/** The explainer id in a path, as every per-explainer route takes it. */
export const ID_PARAM: Json = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: SLUG.source },
};

/** The edition, on every route that serves one. */
export const LANG_PARAM: Json = {
  name: 'lang',
  in: 'query',
  required: false,
  description:
    "Edition (language), e.g. `ru`; `ru-RU` finds `ru`. Defaults to the explainer's default language. A language the explainer lacks is a 404 problem listing the ones it has.",
  schema: { type: 'string', pattern: LANG.source },
};

/** The colour theme of an HTML rendering. */
export const THEME_PARAM: Json = {
  name: 'theme',
  in: 'query',
  required: false,
  description: '`light`, `dark`, or (default) `auto`, which follows the reader’s system setting.',
  schema: { type: 'string', enum: ['light', 'dark', 'auto'] },
};

/** The path item of one described route: GET, plus the HEAD and OPTIONS every route answers. */
function pathItem(op: Operation): Json {
  return {
    get: op,
    head: { ...op, operationId: `${op.operationId}Head`, summary: `${op.summary} (headers only)` },
    options: {
      operationId: `${op.operationId}Preflight`,
      summary: 'CORS preflight: any origin, GET and HEAD, no credentials',
      responses: { '204': { description: 'Allowed', headers: CORS } },
    },
    // Any other method.
    'x-other-methods': { '405': 'Method Not Allowed, with `Allow: GET, HEAD, OPTIONS`' },
  };
}

let document: string | null = null;

/** The whole description as JSON text (built once per isolate, after every route file loaded). */
export function openApiJson(): string {
  document ??= JSON.stringify({
    openapi: '3.1.0',
    info: {
      title: 'News Explainer API',
      version: '1.0.0',
      description:
        'Sourced, dated news explainers as JSON. Public and read-only: every response is CORS-enabled (`*`, no credentials), cacheable and revalidatable with strong ETags. Errors are RFC 9457 problem documents (`application/problem+json`); a browser asking for an HTML route gets the same status.',
    },
    paths: Object.fromEntries(Object.entries(paths).map(([path, op]) => [path, pathItem(op)])),
    components: { schemas },
  });
  return document;
}
