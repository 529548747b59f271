/**
 * @module Problem documents (RFC 9457): the one error envelope of the API.
 */
import type { Context, ErrorHandler } from 'hono';
import type { Problem } from '../catalogue/schema.ts';
import type { AppEnv } from './env.ts';
import { HTML_TYPE, pageHeaders } from './html.ts';
import { Page, renderPage } from './page-shell.tsx';
import { PROBLEM_TYPES, problemType, type ProblemKind, type ProblemStatus } from './problem-types.ts';

/**
 * What a reader is told, by status. Never the problem's detail: it may quote the request, and
 * on our frameable paths a crafted URL would then put words of anyone's choosing in our frame.
 */
const READER_TEXT: Record<ProblemStatus, string> = {
  400: 'This address is not one we understand. Check the link you followed.',
  404: 'There is nothing at this address. The explainer may not be published, or not in this language.',
  405: 'This address cannot be used that way.',
  500: 'Something went wrong on our side. Please try again later.',
  501: 'This is not something we do.',
  503: 'The explainers cannot be read right now. Please try again in a few seconds.',
};

/** A small page for a reader: the problem's title, what happened, a way home. Not indexed. */
function errorPage(p: ProblemError): string {
  return renderPage(
    <Page title={p.title} description={READER_TEXT[p.status]} robots="noindex" bodyClass="error">
      <main>
        <h1>{p.title}</h1>
        <p>{READER_TEXT[p.status]}</p>
        <p>
          <a href="/">News Explainer home</a>
        </p>
      </main>
    </Page>,
  );
}

/**
 * Throw from any handler; the sub-app's error handler turns it into a problem document
 * (RFC 9457): a stable `type` per kind of problem (problem-types.ts) with its one `title` and
 * status, `detail` saying what exactly went wrong, and any extension members (`available`).
 */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  get status(): ProblemStatus {
    return PROBLEM_TYPES[this.kind].status;
  }

  get title(): string {
    return PROBLEM_TYPES[this.kind].title;
  }
}

export const notFound = (detail: string) => new ProblemError('not-found', detail);
export const badRequest = (detail: string) => new ProblemError('invalid-parameter', detail);
export const methodNotAllowed = (method: string, allow: string) =>
  new ProblemError('method-not-allowed', `${method} is not allowed here; use ${allow}.`, { Allow: allow });

const cacheControlFor = (p: ProblemError) => (p.status === 404 ? 'public, max-age=60, s-maxage=60' : 'no-store');

/**
 * Renders a problem document. Client errors that can change (a new explainer may be published)
 * are cached briefly; everything else is not cached.
 *
 * @example
 * return problemResponse(c, notFound('No explainer with id "x".'));
 */
export function problemResponse(c: Context<AppEnv>, p: ProblemError): Response {
  const body: Problem = {
    type: problemType(c.env.PUBLIC_ORIGIN, p.kind),
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: new URL(c.req.url).pathname,
    ...p.extensions,
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': cacheControlFor(p),
      ...p.headers,
    },
  });
}

/** An error turned into a problem, logging what was not one of ours. */
export function asProblem(err: Error): ProblemError {
  if (err instanceof ProblemError) return err;
  console.error('unhandled error', err);
  return new ProblemError('internal-error', 'Something went wrong on our side.');
}

/**
 * The error handler of a sub-app that serves pages: a browser (`Accept: text/html`) gets a
 * small page (a reader in an iframe must not see raw JSON), an API client the problem document;
 * the same URL, two representations (`Vary: Accept`). `framed` pages' errors may be framed too.
 *
 * @example explainerPages.onError(pageErrors({ framed: true }));
 */
export function pageErrors({ framed }: { framed: boolean }): ErrorHandler<AppEnv> {
  return (err, c) => {
    const p = asProblem(err);
    const headers = { Vary: 'Accept', ...p.headers };
    if (!/text\/html/.test(c.req.header('Accept') ?? ''))
      return problemResponse(c, new ProblemError(p.kind, p.detail, headers, p.extensions));
    return new Response(errorPage(p), {
      status: p.status,
      headers: {
        'Content-Type': HTML_TYPE,
        'Cache-Control': cacheControlFor(p),
        ...pageHeaders({ framed }),
        'X-Robots-Tag': 'noindex',
        ...headers,
      },
    });
  };
}

/** The error handler of a sub-app that serves JSON and assets: always the problem document. */
export const apiErrors: ErrorHandler<AppEnv> = (err, c) => problemResponse(c, asProblem(err));
