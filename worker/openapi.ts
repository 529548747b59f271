/**
 * @module The API's OpenAPI 3.1 description, built from the routes themselves: each route file
 * describes its routes next to their handlers (`describe(…)`), and this module composes them
 * with the JSON Schemas the content build generated from the content schema (every field's
 * meaning comes from there). Every GET route also answers HEAD and OPTIONS
 * (public-read-only.ts), so those are added to every path here. A workerd test fails when the
 * app has a route the description lacks; CI lints the description with Redocly and Spectral.
 */
import { SLUG } from '../catalogue/patterns.ts';
import { schemas } from '../generated/schemas.ts';
import { LANG_TAG } from './lang.ts';
import { PROBLEM_TYPES, problemType, type ProblemKind } from './problem-types.ts';

type Json = Record<string, unknown>;

/** The resources the operations are grouped by, in the order /docs shows them. */
export const TAGS = [
  { name: 'Explainers', description: 'The explainers as JSON: the index, one explainer, its editions.' },
  { name: 'Embedding', description: 'What publisher pages load: the widget script, its styles and strings, oEmbed.' },
  { name: 'Pages', description: 'HTML for people: the explainer page (the iframe embed), the snippet, the builder.' },
  { name: 'Service', description: 'This description, its reference, the problem types and the health check.' },
] as const;

/** One GET operation as OpenAPI describes it. */
export interface Operation {
  operationId: string;
  summary: string;
  /** What it does for a client (Markdown); linted to be present on every operation. */
  description: string;
  tags: (typeof TAGS)[number]['name'][];
  parameters?: Json[];
  responses: Record<string, Json>;
}

const paths: Record<string, Operation> = {};

/**
 * Describes the GET route at `path` (OpenAPI form: `/v1/explainers/{id}`).
 *
 * @example describe('/healthz', { operationId: 'health', summary: 'Liveness', tags: ['Service'], responses: { '200': ok('OK') } });
 */
export function describe(path: string, operation: Operation): void {
  paths[path] = operation;
}

const CORS = {
  'Access-Control-Allow-Origin': {
    description: 'Always `*`: any origin may read every response (no credentials).',
    schema: { type: 'string', const: '*' },
  },
};
const CACHED = {
  ETag: {
    description: 'Strong validator of these exact bytes; send it back in If-None-Match to get 304.',
    required: true,
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: 'How long browsers and shared caches may keep it.',
    required: true,
    schema: { type: 'string' },
  },
  ...CORS,
};

/** Response headers a route sends besides the validators, by name. */
export const HEADERS = {
  'Content-Language': { description: 'The edition (language) served.', required: true, schema: { type: 'string' } },
  Link: {
    description: 'Related resources, e.g. `<…>; rel="next"` for the next page or `rel="alternate"` for the HTML page.',
    schema: { type: 'string' },
  },
} satisfies Record<string, Json>;

/** A 200 answer: its description, media type, schema (by component name) and extra headers. */
export const ok = (
  description: string,
  type?: string,
  schema?: string,
  headers: Json = {},
  example?: unknown,
): Json => ({
  description,
  headers: { ...CACHED, ...headers },
  ...(type
    ? {
        content: {
          [type]: {
            ...(schema ? { schema: { $ref: `#/components/schemas/${schema}` } } : { schema: { type: 'string' } }),
            ...(example === undefined ? {} : { example }),
          },
        },
      }
    : {}),
});

/** A problem answer and the kinds of problem it can be (their `type` URIs are in `x-problem-types`). */
export const problem = (description: string, kinds: ProblemKind[]): Json => ({
  description,
  headers: {
    ...CORS,
    ...(kinds.includes('catalogue-unavailable')
      ? { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } }
      : {}),
  },
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  'x-problem-kinds': kinds,
});

/** The answer when the catalogue (Workers KV) cannot be read. */
export const UNAVAILABLE = problem('The catalogue could not be read; retry after `Retry-After` seconds', [
  'catalogue-unavailable',
]);

export const NOT_MODIFIED: Json = {
  description: 'Not modified: the ETag in If-None-Match still matches.',
  headers: CACHED,
};

/** The explainer id in a path, as every per-explainer route takes it. */
export const ID_PARAM: Json = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The explainer id, a lowercase slug, e.g. `putin-baku-2024`.',
  schema: { type: 'string', pattern: SLUG.source },
};

/** The edition, on every route that serves one. */
export const LANG_PARAM: Json = {
  name: 'lang',
  in: 'query',
  required: false,
  description:
    "Edition (language): any BCP 47 tag, matched by RFC 4647 lookup (`ru-RU` finds `ru`). Defaults to the explainer's default language.",
  schema: { type: 'string', pattern: LANG_TAG.source, maxLength: 35 },
};

/** The colour theme of an HTML rendering. */
export const THEME_PARAM: Json = {
  name: 'theme',
  in: 'query',
  required: false,
  description: '`light`, `dark`, or (default) `auto`, which follows the reader’s system setting.',
  schema: { type: 'string', enum: ['light', 'dark', 'auto'], default: 'auto' },
};

/** A HEAD answer: the same status and headers as GET, never a body. */
function headOnly(responses: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, r]) => {
      const { content, ...rest } = r;
      return [status, rest];
    }),
  );
}

/** The path item of one described route: GET, plus the HEAD and OPTIONS every route answers. */
function pathItem(op: Operation): Json {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
  return {
    get: op,
    head: {
      ...op,
      operationId: `${op.operationId}Head`,
      summary: `${op.summary} (headers only)`,
      description: 'The same status and headers as GET, without a body.',
      responses: headOnly(op.responses),
    },
    options: {
      operationId: `${op.operationId}Preflight`,
      tags: op.tags,
      summary: 'CORS preflight',
      description: 'Allows any origin to GET and HEAD, without credentials.',
      parameters: pathParams,
      responses: {
        '204': {
          description: 'Allowed',
          headers: {
            ...CORS,
            Allow: { description: 'Always `GET, HEAD, OPTIONS`.', schema: { type: 'string' } },
          },
        },
      },
    },
  };
}

const VERSIONING =
  'Versioning: everything under `/v1` keeps its meaning while `/v1` exists. New fields, parameters, problem types and routes may be added at any time (clients must ignore what they do not know); a field or route is never removed or changed in meaning within `/v1`. A breaking change would come as `/v2`, announced in the changelog at least six months before `/v1` ends.';

/** Real responses to show beside the operations (openapi-examples.ts), when the catalogue has any. */
export interface Examples {
  index: unknown;
  explainer: unknown;
}

/** What changed in the API, newest first (also in docs/changelog.md). */
const CHANGELOG = [
  {
    date: '2026-12-01',
    changes: [
      'Problem `type`s are stable URIs under `/problems/`; a missing edition lists `available` editions.',
      '`updatedSince` on the index; `lang` takes any BCP 47 tag on the index too; a trailing slash redirects (308).',
      '`rendering` on `GET /v1/explainers/{id}`: 204 while a snippet is current.',
      'Text fields carry their language\'s typography: no-break spaces (U+00A0) and word joiners (U+2060), e.g. in "18–19 August".',
      'ETags hash the exact bytes served; cursors have one valid spelling.',
      'Revision entries may carry `kind` (`correction`, `update`, `review`) and `approvedBy`; sources may carry `pageLang`.',
      '`GET /v1/revisions.atom`: an Atom feed of first publications, corrections and updates, newest first; `lang` filters it.',
      '`article` may be absent (an explainer that follows no single article); `corrections` is then empty.',
    ],
  },
];

/**
 * The whole description as JSON text, with `servers` naming `origin` and, when given, real
 * examples. Callers keep it (prepareBody) per origin and catalogue version.
 */
export function openApiJson(origin = '', examples?: Examples): string {
  // A copy: examples go into this document only, never into the routes' own descriptions.
  const described = JSON.parse(
    JSON.stringify(Object.fromEntries(Object.entries(paths).map(([path, op]) => [path, pathItem(op)]))),
  ) as Record<string, Json>;
  if (examples) {
    const example = (path: string, value: unknown) => {
      const json = ((described[path]?.get as Operation | undefined)?.responses['200']?.content as Json | undefined)?.[
        'application/json'
      ] as Json | undefined;
      if (json) json.example = value;
    };
    example('/v1/explainers', examples.index);
    example('/v1/explainers/{id}', examples.explainer);
  }
  return JSON.stringify({
    openapi: '3.1.0',
    info: {
      title: 'News Explainer API',
      version: '1',
      summary: 'Sourced, dated news explainers as JSON, and the widget that embeds them.',
      description: [
        'Sourced, dated news explainers as JSON. Public and read-only: no keys, no cookies. Every response is CORS-enabled (`*`, no credentials), cacheable and revalidatable with strong ETags; compressed copies that intermediaries make carry weak ETags and `Vary: Accept-Encoding`.',
        'Every GET also answers HEAD (the same headers, no body) and OPTIONS (a CORS preflight, 204); any other method is a 405 problem with `Allow: GET, HEAD, OPTIONS`. A path with a trailing slash redirects (308) to the one without.',
        'Errors are RFC 9457 problem documents (`application/problem+json`) whose `type` is a stable URI under `/problems/` (`x-problem-types` lists them); a browser asking an HTML route gets a page with the same status.',
        'Caching: explainers and the index may be cached for 60 s by browsers and 300 s by shared caches, then revalidated; a publish reaches readers within those. There is no rate limit of ours; the edge may limit abusive traffic.',
        VERSIONING,
      ].join('\n\n'),
      contact: { name: 'News Explainer', url: `${origin}/docs` },
      'x-changelog': CHANGELOG,
      license: { name: 'Proprietary: free to read and embed', url: `${origin}/docs` },
    },
    servers: [{ url: origin || '/', description: 'This deployment; every URL in responses is relative to it.' }],
    security: [],
    tags: TAGS,
    paths: described,
    components: { schemas },
    'x-problem-types': Object.entries(PROBLEM_TYPES).map(([kind, p]) => ({
      type: problemType(origin, kind as ProblemKind),
      ...p,
    })),
  });
}
