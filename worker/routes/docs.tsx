/**
 * @module `GET /docs`: the API reference a developer learns from, server-rendered from the
 * OpenAPI 3.1 description (/v1/openapi.json) with no script and styles from /site.css only (it
 * keeps our strict CSP). The renderer is generic over the description and tolerant of what it
 * lacks: what HEAD, OPTIONS and CORS do is said once, then every path shows its GET operation,
 * grouped by tag (the JSON endpoints first), followed by the schemas, the error catalogue and
 * the changelog. Descriptions are Markdown (worker/markdown.tsx): text, never HTML.
 */
import { Hono } from 'hono';
import type { ComponentChildren, VNode } from 'preact';
import type { AppEnv } from '../env.ts';
import { htmlPage } from '../html.ts';
import { inline, markdown, safeHref, splitSections } from '../markdown.tsx';
import { Page, renderPage } from '../page-shell.tsx';
import { notFound, pageErrors } from '../problem.tsx';
import { prepareBody } from '../http-cache.ts';
import { memoKey } from '../memo.ts';
import { describe, NOT_MODIFIED, ok, openApiJson, UNAVAILABLE } from '../openapi.ts';
import { apiExamples } from '../openapi-examples.ts';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObj(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A text field of the description, or '' where it has none. */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** An id for an anchor: letters, digits, `-` and `_` only. */
const anchor = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

/** A name or path that may wrap after its dots, dashes and slashes (and nowhere else). */
function Name({ name }: { name: string }): VNode {
  const parts = name.split(/(?<=[./-])(?=.)/);
  return (
    <code class="docs-name">
      {parts.map((part, i) => (
        <>
          {i > 0 ? <wbr /> : null}
          {part}
        </>
      ))}
    </code>
  );
}

/** Longest example shown, in lines; longer ones end with "…". */
const EXAMPLE_LINES = 40;

const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'No Content',
  '301': 'Moved Permanently',
  '302': 'Found',
  '303': 'See Other',
  '304': 'Not Modified',
  '307': 'Temporary Redirect',
  '308': 'Permanent Redirect',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '406': 'Not Acceptable',
  '410': 'Gone',
  '412': 'Precondition Failed',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Content',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '501': 'Not Implemented',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
};
const statusLabel = (status: string): string => (REASONS[status] ? `${status} ${REASONS[status]}` : status);

// ---------------------------------------------------------------------------------------------
// The description, read into what the page shows (ids settled before anything renders, so the
// table of contents and the sections agree).

interface Operation {
  id: string;
  path: string;
  op: Json;
  /** Path-level and operation-level parameters, `$ref`s resolved (the operation's win). */
  params: Json[];
}

interface Group {
  id: string;
  name: string;
  description: string;
  ops: Operation[];
}

interface ProblemType {
  id: string;
  type: string;
  title: string;
  status: string;
  description: string;
}

interface Model {
  doc: Json;
  info: Json;
  /** `servers[0].url`, or ''. */
  base: string;
  intro: string;
  /** Sections of `info.description` (its headings), and where they go. */
  guides: { id: string; title: string; body: string }[];
  history: { title: string; body: string }[];
  groups: Group[];
  schemas: { id: string; name: string; schema: Json }[];
  schemaIds: Map<string, string>;
  problems: ProblemType[];
  /** Ids of the page's fixed sections. */
  ids: { toc: string; http: string; schemas: string; errors: string; changelog: string };
}

/** Follows a local `$ref` (`#/components/…`) to what it names; anything else is returned as is. */
function deref(doc: Json, value: unknown): Json {
  let v = obj(value);
  for (let hops = 0; hops < 8 && typeof v.$ref === 'string' && v.$ref.startsWith('#/'); hops++) {
    let at: unknown = doc;
    for (const part of v.$ref.slice(2).split('/'))
      at = obj(at)[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!isObj(at)) break;
    v = at;
  }
  return v;
}

/** The name of the component schema a `$ref` points to, if it does. */
const schemaRef = (schema: unknown): string | null => {
  const ref = text(obj(schema).$ref);
  return ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : null;
};

function ids() {
  const taken = new Set<string>();
  return (base: string): string => {
    let id = anchor(base);
    for (let n = 2; taken.has(id); n++) id = `${anchor(base)}-${n}`;
    taken.add(id);
    return id;
  };
}

function read(doc: Json): Model {
  const unique = ids();
  const fixed = {
    toc: unique('contents'),
    http: unique('head-options-cors'),
    schemas: unique('schemas'),
    errors: unique('errors'),
    changelog: unique('changelog'),
  };
  const info = obj(doc.info);
  const split = splitSections(text(info.description));
  const isHistory = (title: string) => /changelog|change log|versioning|version history|deprecation/i.test(title);
  // A paragraph of the introduction that names its subject first ("Versioning: …") is a section too.
  const paragraphs = split.intro.split(/\n\s*\n/);
  const labelled = (p: string) => isHistory(/^\**([\w ]{3,30}?)\**:/.exec(p.trim())?.[1] ?? '');
  const guides = split.sections
    .filter((s) => !isHistory(s.title))
    .map((s) => ({ ...s, id: unique(`guide-${s.title.toLowerCase()}`) }));

  const schemaEntries = Object.entries(obj(obj(doc.components).schemas)).filter(([, s]) => isObj(s));
  const schemas = schemaEntries.map(([name, s]) => ({ name, schema: obj(s), id: unique(`schema-${name}`) }));

  const problems = list(doc['x-problem-types'])
    .filter(isObj)
    .map((p) => {
      const type = text(p.type);
      return {
        type,
        title: text(p.title),
        status: text(p.status),
        description: text(p.description) || text(p.detail),
        id: unique(`problem-${type.split('/').filter(Boolean).pop() ?? text(p.title)}`),
      };
    });

  const ops: (Operation & { tag: string })[] = [];
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item = deref(doc, rawItem);
    if (!isObj(item.get)) continue; // skip HEAD and OPTIONS: said once, for all
    const op = item.get;
    const params = new Map<string, Json>();
    for (const p of [...list(item.parameters), ...list(op.parameters)].map((p) => deref(doc, p)))
      params.set(`${text(p.in)}:${text(p.name)}`, p);
    ops.push({
      id: unique(text(op.operationId) || `get-${path}`),
      path,
      op,
      params: [...params.values()],
      tag: text(list(op.tags)[0]),
    });
  }

  return {
    doc,
    info,
    base: text(obj(list(doc.servers)[0]).url),
    intro: paragraphs.filter((p) => !labelled(p)).join('\n\n'),
    guides,
    history: [
      ...paragraphs.filter(labelled).map((body) => ({ title: '', body })),
      ...split.sections.filter((s) => isHistory(s.title)),
    ],
    groups: group(doc, ops, unique),
    schemas,
    schemaIds: new Map(schemas.map((s) => [s.name, s.id])),
    problems,
    ids: fixed,
  };
}

/**
 * Operations by their first tag, in the order of the description's `tags` (tags it does not
 * declare after, untagged operations last). Without tags: the explainer endpoints, then the rest.
 */
function group(doc: Json, ops: (Operation & { tag: string })[], unique: (base: string) => string): Group[] {
  const declared = list(doc.tags).filter(isObj);
  const groups: Group[] = [];
  if (declared.length === 0 && ops.every((o) => o.tag === '')) {
    const explainers = ops.filter((o) => o.path.startsWith('/v1/explainers'));
    groups.push({ id: unique('tag-explainers'), name: 'Explainers', description: '', ops: explainers });
    groups.push({
      id: unique('tag-other'),
      name: 'Other routes',
      description: '',
      ops: ops.filter((o) => !explainers.includes(o)),
    });
  } else {
    const names = [...declared.map((t) => text(t.name)), ...ops.map((o) => o.tag).filter((t) => t !== ''), ''].filter(
      (name, i, all) => all.indexOf(name) === i,
    );
    for (const name of names) {
      const tag = declared.find((t) => text(t.name) === name) ?? {};
      groups.push({
        id: unique(`tag-${name || 'other'}`),
        name: name || 'Other routes',
        description: text(tag.description),
        ops: ops.filter((o) => o.tag === name),
      });
    }
  }
  return groups.filter((g) => g.ops.length > 0);
}

/**
 * Where a URI from the description may be linked: https: and same-origin paths as in Markdown,
 * and URIs under the base URL (whatever its scheme) as paths on it.
 */
function linkable(m: Model, uri: string): string | null {
  const base = m.base.replace(/\/+$/, '');
  return safeHref(uri) ?? (base && uri.startsWith(`${base}/`) ? safeHref(uri.slice(base.length)) : null);
}

// ---------------------------------------------------------------------------------------------
// Types and constraints of schemas, in words.

type Word = { code: string } | { ref: string } | string;

const SAFE_LIMIT = 2 ** 53 - 1;

/** A schema's type as words: `string (date-time)`, `array of Source`, `"text"`, `string or null`… */
function typeWords(s: unknown, depth = 0): Word[] {
  const schema = obj(s);
  const ref = text(schema.$ref);
  if (ref) {
    const name = ref.split('/').pop() ?? ref;
    return [schemaRef(schema) ? { ref: name } : { code: name }];
  }
  if ('const' in schema) return [{ code: JSON.stringify(schema.const) }];
  const alternatives = list(schema.oneOf ?? schema.anyOf);
  if (alternatives.length > 0 && depth < 4) {
    const labels = alternatives.map((a) => typeWords(a, depth + 1));
    const distinct = labels.filter((l, i) => labels.findIndex((o) => JSON.stringify(o) === JSON.stringify(l)) === i);
    if (distinct.length === 1) return [...distinct[0]!, ` (one of ${alternatives.length} shapes)`];
    return distinct.flatMap((l, i) => (i === 0 ? l : [' or ', ...l]));
  }
  const allOf = list(schema.allOf);
  if (allOf.length === 1 && depth < 4) return typeWords(allOf[0], depth + 1);
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).map(text).filter(Boolean);
  const words: Word[] = [];
  types.forEach((t, i) => {
    if (i > 0) words.push(' or ');
    if (t === 'array') words.push('array of ', ...(depth < 4 ? typeWords(schema.items, depth + 1) : ['items']));
    else words.push(t);
  });
  if (words.length === 0) words.push(isObj(schema.properties) ? 'object' : 'any');
  if (schema.format !== undefined) words.push(` (${text(schema.format)})`);
  return words;
}

function Words({ words, m }: { words: Word[]; m: Model }): VNode {
  return (
    <>
      {words.map((w) => {
        if (typeof w === 'string') return w;
        if ('code' in w) return <code>{w.code}</code>;
        const id = m.schemaIds.get(w.ref);
        return id ? <a href={`#${id}`}>{w.ref}</a> : <code>{w.ref}</code>;
      })}
    </>
  );
}

const bound = (v: unknown): number | null => (typeof v === 'number' && Math.abs(v) < SAFE_LIMIT ? v : null);

/** "1–100", "≥ 1", "at most 120 characters"…; '' when the schema sets no bounds. */
function range(s: Json): string {
  const span = (lo: number | null, hi: number | null, unit: string) => {
    const u = unit ? ` ${unit}` : '';
    if (lo !== null && hi !== null) return lo === hi ? `exactly ${lo}${u}` : `${lo}–${hi}${u}`;
    if (lo !== null) return unit ? `at least ${lo}${u}` : `≥ ${lo}`;
    if (hi !== null) return unit ? `at most ${hi}${u}` : `≤ ${hi}`;
    return '';
  };
  return [
    span(bound(s.minimum ?? s.exclusiveMinimum), bound(s.maximum ?? s.exclusiveMaximum), ''),
    span(bound(s.minLength), bound(s.maxLength), 'characters'),
    span(bound(s.minItems), bound(s.maxItems), 'items'),
  ]
    .filter(Boolean)
    .join('; ');
}

/** Allowed values, pattern and examples of a schema (a pattern only where no format says more). */
function Allowed({ schema, example }: { schema: Json; example?: unknown }): VNode | null {
  const values = list(schema.enum);
  const pattern = schema.format === undefined ? text(schema.pattern) : '';
  const examples = example !== undefined ? [example] : list(schema.examples).slice(0, 2);
  if (values.length === 0 && !pattern && examples.length === 0) return null;
  const codes = (vs: unknown[]) =>
    vs.map((v, i) => (
      <>
        {i > 0 ? ', ' : null}
        <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
      </>
    ));
  return (
    <span class="docs-allowed">
      {values.length > 0 ? <span>one of {codes(values)}</span> : null}
      {pattern ? (
        <span>
          matches <code>{pattern}</code>
        </span>
      ) : null}
      {examples.length > 0 ? <span>e.g. {codes(examples)}</span> : null}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// The page's parts.

/** A table that scrolls sideways inside its own box when the page is narrower than it. */
function Table({ label, caption, children }: { label: string; caption: string; children: ComponentChildren }) {
  return (
    <div class="docs-scroll" role="group" aria-label={label} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

function Th({ children }: { children: ComponentChildren }) {
  return <th scope="col">{children}</th>;
}

/** An example body, pretty-printed and cut at EXAMPLE_LINES lines. */
function Example({ value, label }: { value: unknown; label: string }): VNode {
  const full = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const lines = full.split('\n');
  const shown = lines.length > EXAMPLE_LINES ? [...lines.slice(0, EXAMPLE_LINES - 1), '…'].join('\n') : full;
  return (
    <pre class="docs-example" tabIndex={0} role="group" aria-label={label}>
      <code>{shown}</code>
    </pre>
  );
}

/** The problem types a response (or its media types) names in `x-problem-types`. */
/**
 * The problem types a response, its media types or an operation name in an `x-problem…`
 * extension (`x-problem-types`, `x-problem-kinds`…): type URIs, their last segment, or objects
 * with a `type`.
 */
function problemRefsOf(...holders: Json[]): { type: string; title: string }[] {
  return holders
    .flatMap((h) => Object.entries(h).filter(([key]) => key.startsWith('x-problem')))
    .flatMap(([, v]) => list(v))
    .map((p) => (isObj(p) ? { type: text(p.type), title: text(p.title) } : { type: text(p), title: '' }))
    .filter((p, i, all) => (p.type || p.title) && all.findIndex((o) => o.type === p.type) === i);
}

/** The catalogue entry a problem reference names: by its URI, or by its URI's last segment. */
const catalogued = (m: Model, ref: string): ProblemType | undefined =>
  m.problems.find((k) => k.type === ref) ??
  m.problems.find((k) => ref !== '' && k.type.replace(/\/+$/, '').split('/').pop() === ref.split('/').pop());

function ProblemTypes({ refs, m }: { refs: { type: string; title: string }[]; m: Model }): VNode | null {
  if (refs.length === 0) return null;
  return (
    <ul class="docs-problems">
      {refs.map((p) => {
        const known = catalogued(m, p.type);
        const title = p.title || known?.title || '';
        const name = <code>{p.type || title}</code>;
        return (
          <li key={p.type || title}>
            {known ? <a href={`#${known.id}`}>{name}</a> : name}
            {title && p.type ? ` (${title}${known?.status ? `, ${known.status}` : ''})` : null}
          </li>
        );
      })}
    </ul>
  );
}

function Response({ status, response, where, m }: { status: string; response: Json; where: string; m: Model }) {
  const headers = Object.entries(obj(response.headers)).map(([name, h]) => [name, deref(m.doc, h)] as const);
  const content = Object.entries(obj(response.content)).map(([type, mt]) => [type, obj(mt)] as const);
  const problemRefs = problemRefsOf(response, ...content.map(([, mt]) => mt));
  return (
    <div class="docs-response">
      <h5>
        <code>{status}</code> {REASONS[status] ?? ''}
      </h5>
      {markdown(text(response.description))}
      {content.length > 0 ? (
        <ul class="docs-media">
          {content.map(([type, mt]) => {
            const schema = obj(mt.schema);
            const isProblem = schemaRef(schema) === 'Problem' || type === 'application/problem+json';
            return (
              <li key={type}>
                <code>{type}</code>
                {isProblem ? (
                  <>
                    {': a problem document'}
                    {m.schemaIds.has('Problem') ? (
                      <>
                        {' ('}
                        <a href={`#${m.schemaIds.get('Problem')!}`}>Problem</a>
                        {')'}
                      </>
                    ) : null}
                  </>
                ) : Object.keys(schema).length > 0 ? (
                  <>
                    {': '}
                    <Words words={typeWords(schema)} m={m} />
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {problemRefs.length > 0 ? (
        <>
          <p>Problem types:</p>
          <ProblemTypes refs={problemRefs} m={m} />
        </>
      ) : null}
      {headers.length > 0 ? (
        <Table label={`Headers of the ${status} response, ${where}`} caption="Response headers">
          <thead>
            <tr>
              <Th>Header</Th>
              <Th>Required</Th>
              <Th>Value</Th>
              <Th>Description</Th>
            </tr>
          </thead>
          <tbody>
            {headers.map(([name, h]) => (
              <tr key={name}>
                <th scope="row">
                  <Name name={name} />
                </th>
                <td>{h.required === true ? 'yes' : 'no'}</td>
                <td>
                  <Words words={typeWords(h.schema)} m={m} />
                </td>
                <td>{markdown(text(h.description))}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {content.flatMap(([type, mt]) => {
        const label = `Example ${type} body of the ${status} response, ${where}`;
        if (mt.example !== undefined) return [<Example key={type} value={mt.example} label={label} />];
        return Object.entries(obj(mt.examples)).map(([name, raw]) => {
          const ex = deref(m.doc, raw);
          const href = safeHref(text(ex.externalValue));
          return (
            <div key={`${type}:${name}`} class="docs-example-named">
              <p>
                Example <strong>{text(ex.summary) || name}</strong>
                {href ? (
                  <>
                    {': '}
                    <a href={href}>{href}</a>
                  </>
                ) : null}
              </p>
              {markdown(text(ex.description))}
              {ex.value !== undefined ? <Example value={ex.value} label={`${label}: ${name}`} /> : null}
            </div>
          );
        });
      })}
    </div>
  );
}

function Parameters({ params, where, m }: { params: Json[]; where: string; m: Model }): VNode | null {
  if (params.length === 0) return null;
  const rows = params.map((p) => {
    const schema = deref(m.doc, p.schema);
    return { p, schema, range: range(schema), fallback: schema.default };
  });
  const hasDefault = rows.some((r) => r.fallback !== undefined);
  const hasRange = rows.some((r) => r.range !== '');
  return (
    <Table label={`Parameters of ${where}`} caption="Parameters">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>In</Th>
          <Th>Required</Th>
          <Th>Type</Th>
          {hasDefault ? <Th>Default</Th> : null}
          {hasRange ? <Th>Range</Th> : null}
          <Th>Description</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ p, schema, range, fallback }) => (
          <tr key={`${text(p.in)}:${text(p.name)}`}>
            <th scope="row">
              <Name name={text(p.name)} />
            </th>
            <td>{text(p.in)}</td>
            <td>{p.required === true ? 'yes' : 'no'}</td>
            <td>
              <Words words={typeWords(schema)} m={m} />
              <Allowed schema={schema} example={p.example ?? schema.example} />
            </td>
            {hasDefault ? <td>{fallback !== undefined ? <code>{JSON.stringify(fallback)}</code> : null}</td> : null}
            {hasRange ? <td>{range}</td> : null}
            <td>
              {p.deprecated === true ? <p>Deprecated.</p> : null}
              {markdown(text(p.description))}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function OperationSection({ o, m }: { o: Operation; m: Model }): VNode {
  const where = `GET ${o.path}`;
  const responses = Object.entries(obj(o.op.responses)).map(([status, r]) => [status, deref(m.doc, r)] as const);
  const docs = obj(o.op.externalDocs);
  const docsHref = safeHref(text(docs.url));
  const opProblems = problemRefsOf(o.op);
  return (
    <section class="docs-op">
      <h3 id={o.id}>
        <code>{where}</code>
      </h3>
      {o.op.summary ? <p class="docs-summary">{inline(text(o.op.summary))}</p> : null}
      {o.op.deprecated === true ? (
        <p>
          <strong>Deprecated.</strong>
        </p>
      ) : null}
      {markdown(text(o.op.description))}
      {docsHref ? (
        <p>
          See also: <a href={docsHref}>{text(docs.description) || docsHref}</a>
        </p>
      ) : null}
      <Parameters params={o.params} where={where} m={m} />
      {responses.length > 0 ? (
        <>
          <h4>Responses</h4>
          {responses.map(([status, r]) => (
            <Response key={status} status={status} response={r} where={where} m={m} />
          ))}
        </>
      ) : null}
      {opProblems.length > 0 ? (
        <>
          <h4>Problem types</h4>
          <ProblemTypes refs={opProblems} m={m} />
        </>
      ) : null}
    </section>
  );
}

/** Properties of an object schema as table rows: its own, and those of objects one level down. */
function propertyRows(schema: Json, m: Model, prefix = '', depth = 0): VNode[] {
  const required = new Set(list(schema.required).map(text));
  return Object.entries(obj(schema.properties)).flatMap(([name, raw]) => {
    const prop = obj(raw);
    const items = obj(prop.items);
    // One level of nesting: an object property's own properties, or those of its array's items.
    const nested = isObj(prop.properties) ? prop : isObj(items.properties) ? items : null;
    const full = `${prefix}${name}`;
    const details = range(prop);
    return [
      <tr key={full} class={depth > 0 ? 'docs-nested' : undefined}>
        <th scope="row">
          <Name name={full} />
        </th>
        <td>
          <Words words={typeWords(prop)} m={m} />
          {details ? <span class="docs-allowed">{details}</span> : null}
          <Allowed schema={prop} />
        </td>
        <td>{required.has(name) ? 'yes' : 'no'}</td>
        <td>
          {prop.deprecated === true ? <p>Deprecated.</p> : null}
          {markdown(text(prop.description))}
        </td>
      </tr>,
      ...(nested && depth === 0 ? propertyRows(nested, m, nested === prop ? `${full}.` : `${full}[].`, 1) : []),
    ];
  });
}

function SchemaSection({ id, name, schema, m }: { id: string; name: string; schema: Json; m: Model }): VNode {
  const rows = propertyRows(schema, m);
  const examples = schema.example !== undefined ? [schema.example] : list(schema.examples).slice(0, 1);
  return (
    <section class="docs-schema">
      <h3 id={id}>
        <code>{name}</code>
      </h3>
      {text(schema.title) ? <p class="docs-summary">{inline(text(schema.title))}</p> : null}
      {markdown(text(schema.description))}
      {rows.length > 0 ? (
        <Table label={`Properties of ${name}`} caption={`Properties of ${name}`}>
          <thead>
            <tr>
              <Th>Property</Th>
              <Th>Type</Th>
              <Th>Required</Th>
              <Th>Description</Th>
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </Table>
      ) : (
        <p>
          Type: <Words words={typeWords(schema)} m={m} />
        </p>
      )}
      {examples.map((ex, i) => (
        <Example key={i} value={ex} label={`Example ${name}`} />
      ))}
    </section>
  );
}

/** What every path answers besides GET, said once (from the description where it says it). */
function HttpSection({ m }: { m: Model }): VNode {
  const items = Object.entries(obj(m.doc.paths)).map(([path, item]) => [path, deref(m.doc, item)] as const);
  const gets = items.filter(([, item]) => isObj(item.get));
  const withoutHead = gets.filter(([, item]) => !isObj(item.head)).map(([path]) => path);
  const preflights = items.map(([, item]) => obj(item.options)).filter((o) => Object.keys(o).length > 0);
  const preflightStatus = Object.keys(obj(preflights[0]?.responses))[0] ?? '204';
  // What the description says of other methods (`x-other-methods`: status → description), once.
  const others = new Map(
    items.flatMap(([, item]) => Object.entries(obj(item['x-other-methods']))).map(([s, d]) => [s, text(d)]),
  );
  return (
    <section aria-labelledby={m.ids.http}>
      <h2 id={m.ids.http}>HEAD, OPTIONS and CORS</h2>
      <p>Said once here for every path below, which then shows only its GET operation:</p>
      <ul>
        <li>
          Every <code>GET</code> also answers <code>HEAD</code> with the same status and headers and no body.
          {withoutHead.length > 0 ? (
            <>
              {' Except: '}
              {withoutHead.map((p, i) => (
                <>
                  {i > 0 ? ', ' : null}
                  <code>{p}</code>
                </>
              ))}
              .
            </>
          ) : null}
        </li>
        <li>
          <code>OPTIONS</code> answers CORS preflights with <code>{statusLabel(preflightStatus)}</code>: any origin,{' '}
          <code>GET</code> and <code>HEAD</code>, no credentials.
        </li>
        <li>
          Every response, errors included, carries <code>Access-Control-Allow-Origin: *</code>. Nothing needs or accepts
          credentials (cookies, HTTP authentication).
        </li>
        {[...others].map(([status, description]) => (
          <li key={status}>
            Any other method: <code>{status}</code> {inline(description)}.
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The problem types of the description, or else the error statuses its operations answer. */
function ErrorsSection({ m }: { m: Model }): VNode {
  const problem = m.schemaIds.get('Problem');
  const intro = (
    <p>
      Errors are problem documents (RFC 9457, <code>application/problem+json</code>)
      {problem ? (
        <>
          {' '}
          with the fields of <a href={`#${problem}`}>Problem</a>
        </>
      ) : null}
      ; a browser asking for an HTML page gets a small HTML page with the same status.
    </p>
  );
  if (m.problems.length > 0)
    return (
      <section aria-labelledby={m.ids.errors}>
        <h2 id={m.ids.errors}>Errors</h2>
        {intro}
        <Table label="Problem types" caption="Problem types">
          <thead>
            <tr>
              <Th>Type</Th>
              <Th>Title</Th>
              <Th>Status</Th>
              <Th>Description</Th>
            </tr>
          </thead>
          <tbody>
            {m.problems.map((p) => {
              const href = linkable(m, p.type);
              return (
                <tr key={p.id} id={p.id}>
                  <th scope="row">{href ? <a href={href}>{p.type}</a> : <code>{p.type}</code>}</th>
                  <td>{inline(p.title)}</td>
                  <td>{p.status ? <code>{p.status}</code> : null}</td>
                  <td>{markdown(p.description)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </section>
    );

  const statuses = new Map<string, { descriptions: Set<string>; ops: Operation[] }>();
  for (const o of m.groups.flatMap((g) => g.ops))
    for (const [status, r] of Object.entries(obj(o.op.responses))) {
      if (!/^[45]/.test(status)) continue;
      const entry = statuses.get(status) ?? { descriptions: new Set(), ops: [] };
      const description = text(deref(m.doc, r).description);
      if (description) entry.descriptions.add(description);
      entry.ops.push(o);
      statuses.set(status, entry);
    }
  for (const item of Object.values(obj(m.doc.paths)))
    for (const [status, d] of Object.entries(obj(obj(item)['x-other-methods']))) {
      const entry = statuses.get(status) ?? { descriptions: new Set(), ops: [] };
      if (text(d)) entry.descriptions.add(text(d));
      statuses.set(status, entry);
    }
  const sorted = [...statuses].sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby={m.ids.errors}>
      <h2 id={m.ids.errors}>Errors</h2>
      {intro}
      {sorted.length > 0 ? (
        <Table label="Error statuses" caption="Error statuses">
          <thead>
            <tr>
              <Th>Status</Th>
              <Th>When</Th>
              <Th>Answered by</Th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(([status, e]) => (
              <tr key={status}>
                <th scope="row">
                  <code>{statusLabel(status)}</code>
                </th>
                <td>
                  <ul>
                    {[...e.descriptions].map((d) => (
                      <li key={d}>{inline(d)}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  {e.ops.length === 0
                    ? 'any path'
                    : e.ops.map((o, i) => (
                        <>
                          {i > 0 ? ', ' : null}
                          <a href={`#${o.id}`}>
                            <code>{o.path}</code>
                          </a>
                        </>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}

interface Change {
  date: string;
  changes: string[];
}

const changelogOf = (info: Json): Change[] =>
  list(info['x-changelog'])
    .filter(isObj)
    .map((c) => ({ date: text(c.date), changes: list(c.changes).map(text).filter(Boolean) }));

function ChangelogSection({ m }: { m: Model }): VNode | null {
  const changes = changelogOf(m.info);
  const version = text(m.info.version);
  if (changes.length === 0 && m.history.length === 0 && !version) return null;
  return (
    <section aria-labelledby={m.ids.changelog}>
      <h2 id={m.ids.changelog}>{changes.length > 0 ? 'Changelog and versioning' : 'Versioning'}</h2>
      {version ? (
        <p>
          This describes version <code>{version}</code> of the API.
        </p>
      ) : null}
      {m.history.map((h) => (
        <>
          {h.title ? <h3>{inline(h.title)}</h3> : null}
          {markdown(h.body, { headingLevel: h.title ? 4 : 3 })}
        </>
      ))}
      {changes.length > 0 ? (
        <ol class="docs-changelog" aria-label="Changes">
          {changes.map((c, i) => (
            <li key={i}>
              <p>
                <strong>{/^\d{4}-\d\d-\d\d/.test(c.date) ? <time dateTime={c.date}>{c.date}</time> : c.date}</strong>
              </p>
              <ul>
                {c.changes.map((change, j) => (
                  <li key={j}>{inline(change)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function Contents({ m, hasChangelog }: { m: Model; hasChangelog: boolean }): VNode {
  return (
    <nav class="docs-toc" aria-labelledby={m.ids.toc}>
      <h2 id={m.ids.toc}>Contents</h2>
      <ol>
        <li>
          <a href={`#${m.ids.http}`}>HEAD, OPTIONS and CORS</a>
        </li>
        {m.guides.map((g) => (
          <li key={g.id}>
            <a href={`#${g.id}`}>{g.title}</a>
          </li>
        ))}
        {m.groups.map((g) => (
          <li key={g.id}>
            <a href={`#${g.id}`}>{g.name}</a>
            <ol>
              {g.ops.map((o) => (
                <li key={o.id}>
                  <a href={`#${o.id}`}>
                    <Name name={o.path} />
                  </a>
                </li>
              ))}
            </ol>
          </li>
        ))}
        {m.schemas.length > 0 ? (
          <li>
            <a href={`#${m.ids.schemas}`}>Schemas</a>
            <ol>
              {m.schemas.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>
                    <code>{s.name}</code>
                  </a>
                </li>
              ))}
            </ol>
          </li>
        ) : null}
        <li>
          <a href={`#${m.ids.errors}`}>Errors</a>
        </li>
        {hasChangelog ? (
          <li>
            <a href={`#${m.ids.changelog}`}>
              {changelogOf(m.info).length > 0 ? 'Changelog and versioning' : 'Versioning'}
            </a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

/** The whole reference page for an OpenAPI 3.1 description (anything missing is left out). */
export function apiReference(description: unknown): string {
  const m = read(obj(description));
  const title = text(m.info.title) || 'API';
  const servers = list(m.doc.servers).filter(isObj);
  const base = m.base;
  const license = obj(m.info.license);
  const licenseHref = linkable(m, text(license.url));
  const changelog = ChangelogSection({ m });
  return renderPage(
    <Page
      title={`${title} reference`}
      description="Reference of the News Explainer API: every route, its parameters, responses, schemas and errors."
      bodyClass="docs"
    >
      <main class="docs-reference">
        <header class="docs-head">
          <h1>{title}</h1>
          {text(m.info.summary) ? <p class="docs-lede">{inline(text(m.info.summary))}</p> : null}
          {markdown(m.intro)}
          <ul class="docs-facts">
            {base ? (
              <li>
                Base URL: <code>{base}</code>
                {text(servers[0]?.description) ? <> ({inline(text(servers[0]?.description))})</> : null}
              </li>
            ) : null}
            {servers.slice(1).map((s) => (
              <li key={text(s.url)}>
                Also served at <code>{text(s.url)}</code>
                {text(s.description) ? <> ({inline(text(s.description))})</> : null}
              </li>
            ))}
            {text(license.name) ? (
              <li>Licence: {licenseHref ? <a href={licenseHref}>{text(license.name)}</a> : text(license.name)}</li>
            ) : null}
            {text(m.info.version) ? (
              <li>
                Version: <code>{text(m.info.version)}</code>
              </li>
            ) : null}
            <li>
              Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI {text(m.doc.openapi) || '3.1'}
              ).
            </li>
          </ul>
        </header>
        <Contents m={m} hasChangelog={changelog !== null} />
        <div class="docs-body">
          <HttpSection m={m} />
          {m.guides.map((g) => (
            <section key={g.id} aria-labelledby={g.id}>
              <h2 id={g.id}>{inline(g.title)}</h2>
              {markdown(g.body, { headingLevel: 3 })}
            </section>
          ))}
          {m.groups.map((g) => (
            <section key={g.id} class="docs-group" aria-labelledby={g.id}>
              <h2 id={g.id}>{g.name}</h2>
              {markdown(g.description)}
              {g.ops.map((o) => (
                <OperationSection key={o.id} o={o} m={m} />
              ))}
            </section>
          ))}
          {m.schemas.length > 0 ? (
            <section aria-labelledby={m.ids.schemas}>
              <h2 id={m.ids.schemas}>Schemas</h2>
              <p>The bodies the operations above answer, field by field.</p>
              {m.schemas.map((s) => (
                <SchemaSection key={s.id} id={s.id} name={s.name} schema={s.schema} m={m} />
              ))}
            </section>
          ) : null}
          <ErrorsSection m={m} />
          {changelog}
        </div>
      </main>
    </Page>,
  );
}

export const docs = new Hono<AppEnv>();
docs.onError(pageErrors({ framed: false }));

docs.get('/docs', async (c) => {
  // The description is fixed per deployment (built from the routes), so one entry serves it.
  const origin = c.env.PUBLIC_ORIGIN;
  const { version, examples } = await apiExamples(c.env.EXPLAINERS);
  const body = await prepareBody(memoKey.body('docs', origin, version), () =>
    apiReference(JSON.parse(openApiJson(origin, examples))),
  );
  return htmlPage(c.req.header('If-None-Match'), { body });
});

docs.get('/docs/*', (c) => {
  throw notFound(`Nothing at ${c.req.path}; the API reference is at /docs.`);
});

describe('/docs', {
  operationId: 'getApiReference',
  summary: 'This description as a readable HTML page',
  description:
    'Rendered from the description itself: the routes by resource, their parameters, headers, examples and errors, the schemas with every field, the problem types and the versioning policy.',
  tags: ['Service'],
  responses: { '200': ok('HTML page', 'text/html'), '304': NOT_MODIFIED, '503': UNAVAILABLE },
});
