/**
 * @module `GET /`: what the service is, for a person who opens its address.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { htmlPage } from '../html.ts';
import { prepareBody } from '../http-cache.ts';
import { memoKey } from '../memo.ts';
import { describe, NOT_MODIFIED, ok } from '../openapi.ts';
import { Page, renderPage } from '../page-shell.tsx';
import { pageErrors } from '../problem.tsx';

export const home = new Hono<AppEnv>();
home.onError(pageErrors({ framed: false }));

home.get('/', async (c) =>
  htmlPage(c.req.header('If-None-Match'), {
    body: await prepareBody(memoKey.body('home'), () =>
      renderPage(
        <Page
          title="News Explainer"
          description="Sourced, dated news explainers that publishers embed with one script tag, and fetch as JSON."
          bodyClass="home"
        >
          <main>
            <h1>News Explainer</h1>
            <p>
              Sourced, dated explainers beside the news: key facts, why it matters, background, a timeline and sources.
              Publishers embed them with one script tag; developers fetch them as JSON.
            </p>
            <ul>
              <li>
                <a href="/embed">Embed an explainer</a>: choose one, preview it and copy the code.
              </li>
              <li>
                <a href="/docs">API reference</a>: the explainers as JSON, paging, caching and errors.
              </li>
            </ul>
          </main>
        </Page>,
      ),
    ),
  }),
);

describe('/', {
  operationId: 'getHome',
  summary: 'What the service is',
  description: 'A short page with links to the embed builder and the API reference.',
  tags: ['Service'],
  responses: { '200': ok('HTML page', 'text/html'), '304': NOT_MODIFIED },
});
