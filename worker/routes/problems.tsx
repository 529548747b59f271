/**
 * @module `/problems/<kind>`: the page each problem `type` URI answers, for the person reading
 * a problem document (worker/problem-types.ts has the catalogue).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { htmlPage } from '../html.ts';
import { prepareBody } from '../http-cache.ts';
import { memoKey } from '../memo.ts';
import { describe, ok, problem } from '../openapi.ts';
import { Page, renderPage } from '../page-shell.tsx';
import { notFound, pageErrors } from '../problem.tsx';
import { PROBLEM_TYPES, type ProblemKind } from '../problem-types.ts';
import { inline } from '../markdown.tsx';

export const problems = new Hono<AppEnv>();
problems.onError(pageErrors({ framed: false }));

problems.get('/problems/:kind', async (c) => {
  const kind = c.req.param('kind');
  if (!Object.hasOwn(PROBLEM_TYPES, kind)) throw notFound('No such problem type; /docs lists them.');
  const { status, title, description } = PROBLEM_TYPES[kind as ProblemKind];
  const body = await prepareBody(memoKey.body('problem-page', kind), () =>
    renderPage(
      <Page
        title={`${title} · News Explainer API`}
        description={`The problem type ${kind}: ${description.replace(/`/g, '')}`}
        bodyClass="docs"
      >
        <main>
          <h1>{title}</h1>
          <p>
            HTTP status <code>{status}</code>. {inline(description)}
          </p>
          <p>
            Problem documents (RFC 9457) of this kind carry this page's address as their <code>type</code>. See the{' '}
            <a href="/docs">API reference</a> for every kind.
          </p>
        </main>
      </Page>,
    ),
  );
  return htmlPage(c.req.header('If-None-Match'), { body });
});

describe('/problems/{kind}', {
  operationId: 'getProblemType',
  summary: 'What one kind of problem means: the page its `type` URI answers',
  description: 'Every problem document names its kind with a `type` URI under `/problems/`; this page explains it.',
  tags: ['Service'],
  parameters: [
    {
      name: 'kind',
      in: 'path',
      required: true,
      description: 'The kind of problem, e.g. `unknown-explainer`.',
      schema: { type: 'string', enum: Object.keys(PROBLEM_TYPES) },
    },
  ],
  responses: { '200': ok('HTML page', 'text/html'), '404': problem('No such kind of problem', ['not-found']) },
});
