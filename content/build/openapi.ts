/**
 * @module The API's OpenAPI 3.1 description, generated from the content schema at build time.
 */
import { z } from 'zod';
import { ExplainerSchema, IndexSchema, ProblemSchema, SLUG, LANG } from '../schema.ts';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
  return rest;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const cached = {
  ETag: { description: 'Strong validator; send it back in If-None-Match to get 304.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
  'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } },
};

/** The explainer id in a path, as every per-explainer route takes it. */
const ID_PARAM = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: SLUG.source } };

/** The edition, on every route that serves one. */
const LANG_PARAM = {
  name: 'lang',
  in: 'query',
  required: false,
  description:
    "Edition (language), e.g. `ru`; `ru-RU` finds `ru`. Defaults to the explainer's default language. A language the explainer lacks is a 404 problem listing the ones it has.",
  schema: { type: 'string', pattern: LANG.source },
};

const notModified = { description: 'Not modified: the ETag in If-None-Match still matches.', headers: cached };

/** The OpenAPI document served at `GET /v1/openapi.json`. */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'News Explainer API',
      version: '1.0.0',
      description:
        'Sourced, dated news explainers as JSON. Public and read-only: every GET is CORS-enabled (`*`, no credentials), cacheable and revalidatable with ETags. Errors are RFC 9457 problem documents.',
    },
    paths: {
      '/v1/explainers': {
        get: {
          operationId: 'listExplainers',
          summary: 'The index of all explainers',
          responses: {
            '200': {
              description: 'The index',
              headers: cached,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ExplainerIndex' } } },
            },
            '304': notModified,
          },
        },
      },
      '/v1/explainers/{id}': {
        get: {
          operationId: 'getExplainer',
          summary: 'One whole explainer',
          parameters: [ID_PARAM, LANG_PARAM],
          responses: {
            '200': {
              description: 'The explainer',
              headers: cached,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Explainer' } } },
            },
            '304': notModified,
            '400': problem('Malformed id or language'),
            '404': problem('No explainer with this id (or not in this language)'),
          },
        },
      },
      '/v1/embed.js': {
        get: {
          operationId: 'getEmbedScript',
          summary: 'The widget script (moving alias with a short cache; pin the hashed URL for SRI)',
          responses: { '200': { description: 'JavaScript', content: { 'text/javascript': {} } }, '304': notModified },
        },
      },
      '/v1/embed.{hash}.js': {
        get: {
          operationId: 'getPinnedEmbedScript',
          summary: 'The widget script at its content-hashed, immutable URL (for SRI pinning)',
          parameters: [
            { name: 'hash', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
          ],
          responses: {
            '200': { description: 'JavaScript', content: { 'text/javascript': {} } },
            '404': problem('Not the current build'),
          },
        },
      },
      '/v1/strings/{lang}.json': {
        get: {
          operationId: 'getWidgetWords',
          summary: "The widget's own words in one language (headings, buttons, dates), as JSON",
          parameters: [
            { name: 'lang', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]{2,3}$' } },
          ],
          responses: {
            '200': { description: 'The words', content: { 'application/json': {} } },
            '304': notModified,
            '404': problem('No words for this language'),
          },
        },
      },
      '/explainers/{id}': {
        get: {
          operationId: 'getExplainerPage',
          summary: "The explainer as a server-rendered HTML page (iframe embed, readers' fallback)",
          parameters: [ID_PARAM, LANG_PARAM],
          responses: {
            '200': { description: 'HTML page', content: { 'text/html': {} } },
            '404': problem('Unknown explainer'),
          },
        },
      },
      '/explainers/{id}/snippet': {
        get: {
          operationId: 'getExplainerSnippet',
          summary:
            'The embed code for zero layout shift: <news-explainer> with the explainer server-rendered in a declarative shadow root, then the embed.js script tag',
          parameters: [
            ID_PARAM,
            {
              name: 'lang',
              in: 'query',
              required: false,
              description:
                "Edition; written on the element so the widget asks for the same one. Defaults to the explainer's default language.",
              schema: { type: 'string', pattern: LANG.source },
            },
          ],
          responses: {
            '200': { description: 'HTML to paste or include server-side', content: { 'text/html': {} } },
            '404': problem('Unknown explainer'),
          },
        },
      },
      '/healthz': { get: { operationId: 'health', summary: 'Liveness', responses: { '200': { description: 'OK' } } } },
    },
    components: {
      schemas: {
        Explainer: jsonSchema(ExplainerSchema),
        ExplainerIndex: jsonSchema(IndexSchema),
        Problem: jsonSchema(ProblemSchema),
      },
    },
  };
}
