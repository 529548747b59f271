/**
 * @module `GET /docs`: a readable API reference, server-rendered from the OpenAPI description
 * (no script, styles from /site.css: it keeps our strict CSP).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { htmlPage } from '../html.ts';
import { Page, renderPage } from '../page-shell.tsx';
import { notFound, pageErrors } from '../problem.tsx';
import { prepareBody } from '../http-cache.ts';
import { memoKey } from '../memo.ts';
import { describe, ok, openApiJson } from '../openapi.ts';

type Json = Record<string, unknown>;

/** A text field of the description, or '' where it has none. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

interface Doc {
  info: { title: string; description: string };
  paths: Record<string, Record<string, Json>>;
}

const METHODS = ['get', 'head', 'options'];

function Operation({ path, method, op }: { path: string; method: string; op: Json }) {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const responses = Object.entries((op.responses as Record<string, Json> | undefined) ?? {});
  return (
    <section class="op" aria-labelledby={String(op.operationId)}>
      <h3 id={String(op.operationId)}>
        <code>
          {method.toUpperCase()} {path}
        </code>
      </h3>
      <p>{text(op.summary)}</p>
      {op.description ? <p>{text(op.description)}</p> : null}
      {params.length > 0 ? (
        <table>
          <caption>Parameters</caption>
          <thead>
            <tr>
              <th scope="col">name</th>
              <th scope="col">in</th>
              <th scope="col">required</th>
              <th scope="col">description</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={String(p.name)}>
                <td>
                  <code>{String(p.name)}</code>
                </td>
                <td>{String(p.in)}</td>
                <td>{p.required ? 'yes' : 'no'}</td>
                <td>{text(p.description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ul>
        {responses.map(([status, r]) => (
          <li key={status}>
            <code>{status}</code> {text(r.description)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function page(doc: Doc): string {
  return renderPage(
    <Page
      title={`${doc.info.title} reference`}
      description="Reference of the News Explainer API: every route, its parameters, responses and errors."
      bodyClass="docs"
    >
      <main>
        <h1>{doc.info.title}</h1>
        <p>{doc.info.description}</p>
        <p>
          Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
        {Object.entries(doc.paths).map(([path, item]) => (
          <section key={path} aria-label={path}>
            <h2>
              <code>{path}</code>
            </h2>
            {METHODS.filter((m) => item[m]).map((m) => (
              <Operation key={m} path={path} method={m} op={item[m]!} />
            ))}
          </section>
        ))}
      </main>
    </Page>,
  );
}

export const docs = new Hono<AppEnv>();
docs.onError(pageErrors({ framed: false }));

docs.get('/docs', async (c) => {
  // The description is fixed per deployment (built from the routes), so one entry serves it.
  const body = await prepareBody(memoKey.body('docs'), () => page(JSON.parse(openApiJson()) as Doc));
  return htmlPage(c.req.header('If-None-Match'), { body });
});

docs.get('/docs/*', (c) => {
  throw notFound(`Nothing at ${c.req.path}; the API reference is at /docs.`);
});

describe('/docs', {
  operationId: 'getApiReference',
  summary: 'This description as a readable HTML page',
  responses: { '200': ok('HTML page', 'text/html') },
});
