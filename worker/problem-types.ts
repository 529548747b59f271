/**
 * @module The kinds of problem the API answers, each with a stable `type` URI
 * (`<origin>/problems/<kind>`, which answers a short page), one `title` and one status, so a
 * program branches on `type`, never on English text. The description lists them
 * (`x-problem-types`) and /docs renders that catalogue.
 */
export const PROBLEM_TYPES = {
  'invalid-parameter': {
    status: 400,
    title: 'Invalid parameter',
    description: 'A path or query parameter is malformed; `detail` names it and quotes what was sent.',
  },
  'unknown-explainer': {
    status: 404,
    title: 'Unknown explainer',
    description: 'No published explainer has this id. `GET /v1/explainers` lists them.',
  },
  'edition-not-available': {
    status: 404,
    title: 'Edition not available',
    description: 'The explainer exists, but not in this language; `available` lists its editions.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    description: 'Nothing is served at this path (or no such source, widget build or strings).',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'The API is read-only: GET, HEAD and OPTIONS only (see the `Allow` header).',
  },
  'internal-error': {
    status: 500,
    title: 'Internal error',
    description: 'Something went wrong on our side; it is logged.',
  },
  'not-implemented': {
    status: 501,
    title: 'Not implemented',
    description: 'A format we do not provide (oEmbed XML).',
  },
  'catalogue-unavailable': {
    status: 503,
    title: 'Catalogue unavailable',
    description: 'The catalogue could not be read; retry after `Retry-After` seconds.',
  },
} as const;

export type ProblemKind = keyof typeof PROBLEM_TYPES;
export type ProblemStatus = (typeof PROBLEM_TYPES)[ProblemKind]['status'];

/** The `type` URI of a kind of problem. */
export const problemType = (origin: string, kind: ProblemKind): string => `${origin}/problems/${kind}`;
