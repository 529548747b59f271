/**
 * @module `/v1/explainers`: the catalogue's index, a page at a time, and whole explainers as
 * JSON, from the bytes the content build prepared and `content:publish` stored.
 */
import { Hono } from 'hono';
import { SLUG } from '../../catalogue/patterns.ts';
import type { StoredIndexEntry } from '../../catalogue/kv.ts';
import type { IndexEntry } from '../../catalogue/schema.ts';
import type { AppEnv } from '../env.ts';
import { findDocument, readIndex } from '../catalogue.ts';
import { CACHE, JSON_TYPE, prepareBody, prepared, toBody } from '../http-cache.ts';
import { memoKey, remember } from '../memo.ts';
import { langParam, lookupLang } from '../lang.ts';
import { renderingOf } from '../rendering.tsx';
import { apiErrors, badRequest } from '../problem.tsx';
import { describe, HEADERS, ID_PARAM, LANG_PARAM, NOT_MODIFIED, ok, problem, UNAVAILABLE } from '../openapi.ts';

export const explainers = new Hono<AppEnv>();
explainers.onError(apiErrors);

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** Where a page ends: the last entry's first-publication date and id, opaque to clients. */
function encodeCursor(entry: Pick<StoredIndexEntry, 'publishedAt' | 'id'>): string {
  return btoa(`${entry.publishedAt}|${entry.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The position a cursor names. A cursor has exactly one spelling, the one `encodeCursor` gives
 * out: anything else (whitespace, padding, the other base64 alphabet) is a 400, so that no two
 * spellings of one page exist for a cache to tell apart.
 */
function decodeCursor(cursor: string): [string, string] {
  const invalid = () => badRequest('"cursor" is not one this API gave out; start again without it.');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw invalid();
  }
  const [date = '', id = '', extra] = text.split('|');
  if (extra !== undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !SLUG.test(id)) throw invalid();
  if (encodeCursor({ publishedAt: date, id }) !== cursor) throw invalid();
  return [date, id];
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d{1,3}$/.test(raw) || limit < 1 || limit > MAX_LIMIT)
    throw badRequest(`"limit" must be a whole number from 1 to ${MAX_LIMIT}.`);
  return limit;
}

function publicEntry(e: StoredIndexEntry, lang: string | undefined): IndexEntry {
  // The edition asked for, as a single explainer finds it (RFC 4647 lookup), else the default.
  const shown = (lang && lookupLang(lang, e.languages)) || e.lang;
  const edition = e.editions[shown] ?? e.editions[e.lang]!;
  return {
    id: e.id,
    title: edition.title,
    summary: edition.summary,
    updatedAt: edition.updatedAt,
    publishedAt: e.publishedAt,
    revisedAt: edition.revisedAt,
    lang: shown,
    languages: e.languages,
    url: `/v1/explainers/${e.id}${shown === e.lang ? '' : `?lang=${shown}`}`,
  };
}

/** An RFC 3339 date-time (with an offset), as `updatedSince` takes it; else a 400 quoting it. */
function parseInstant(raw: string): number {
  const at = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i.test(raw) || Number.isNaN(at))
    throw badRequest(
      `"updatedSince" must be an RFC 3339 date-time such as 2024-08-19T00:00:00Z; got "${raw.slice(0, 40)}".`,
    );
  return at;
}

/** The latest review of any of an explainer's editions, as a time. */
const lastUpdate = (e: StoredIndexEntry) =>
  Math.max(...Object.values(e.editions).map((ed) => Date.parse(ed.updatedAt)));

explainers.get('/', async (c) => {
  const limit = parseLimit(c.req.query('limit'));
  const rawCursor = c.req.query('cursor');
  const after = rawCursor === undefined ? undefined : decodeCursor(rawCursor);
  const asked = langParam(c.req.query('lang'));
  const since = c.req.query('updatedSince');
  const sinceAt = since === undefined ? undefined : parseInstant(since);
  const index = await readIndex(c.env.EXPLAINERS);
  // The language as the catalogue has it (`ru-RU` → `ru`): what a page shows depends on that alone.
  const languages = remember(memoKey.languages(index.version), () => [
    ...new Set(index.entries.flatMap((e) => e.languages)),
  ]);
  const lang = asked && lookupLang(asked, languages);
  // Incremental sync: only explainers revised after the instant, in the same order and pages.
  const entries = sinceAt === undefined ? index.entries : index.entries.filter((e) => lastUpdate(e) > sinceAt);
  // Entries are ordered by (publishedAt, id): the page starts after the cursor's position,
  // so corrections (which keep publishedAt) never move an explainer between pages.
  const start = after
    ? entries.findIndex((e) => e.publishedAt > after[0] || (e.publishedAt === after[0] && e.id > after[1]))
    : 0;
  const slice = start < 0 ? [] : entries.slice(start, start + limit);
  const last = slice[slice.length - 1];
  const next = start >= 0 && start + limit < entries.length && last ? encodeCursor(last) : null;
  const query = (cursor: string) =>
    `/v1/explainers?limit=${limit}&cursor=${cursor}${asked ? `&lang=${encodeURIComponent(asked)}` : ''}${
      since ? `&updatedSince=${encodeURIComponent(since)}` : ''
    }`;
  // Kept by what the page holds (the index version, where it starts, how many, which edition
  // language), never by the request's spelling of it; a sync page (any instant) is made per request.
  const render = () => JSON.stringify({ explainers: slice.map((e) => publicEntry(e, lang)), next });
  const body =
    sinceAt === undefined
      ? await prepareBody(memoKey.body('index-page', index.version, start, limit, lang ?? ''), render)
      : await toBody(render());
  return prepared(c.req.header('If-None-Match'), {
    body,
    contentType: JSON_TYPE,
    cacheControl: CACHE.content,
    headers: next ? { Link: `<${query(next)}>; rel="next"` } : undefined,
  });
});

explainers.get('/:id', async (c) => {
  const doc = await findDocument(c.env.EXPLAINERS, c.req.param('id'), c.req.query('lang'));
  // A server-rendered snippet asks whether its rendering is still current: if so, nothing to
  // download (a simple GET with a query, so no CORS preflight); if not, the edition, as without.
  const rendering = c.req.query('rendering');
  if (rendering !== undefined) {
    if (!/^[\w-]{27}$/.test(rendering)) throw badRequest('"rendering" is not one our snippets carry.');
    if (rendering === (await renderingOf(doc)))
      return c.body(null, 204, { 'Cache-Control': CACHE.content, 'Content-Language': doc.data.lang });
  }
  const body = await prepareBody(memoKey.body('edition', doc.key, doc.version), () => doc.body);
  return prepared(c.req.header('If-None-Match'), {
    body,
    contentType: JSON_TYPE,
    cacheControl: CACHE.content,
    headers: {
      'Content-Language': doc.data.lang,
      Link: `</explainers/${doc.data.id}?lang=${doc.data.lang}>; rel="alternate"; type="text/html"`,
    },
  });
});

describe('/v1/explainers', {
  operationId: 'listExplainers',
  summary: 'One page of the index of explainers, ordered by first publication',
  description:
    'Follow `next` (or the `Link: <…>; rel="next"` header) for the next page: a cursor stays valid while explainers are corrected, since corrections keep an explainer\'s place. With `updatedSince`, only the explainers revised after that instant are listed, in the same order and pages, so an aggregator can sync incrementally (keep the time of your last run). Each entry\'s `url` is relative to `servers[0].url`.',
  tags: ['Explainers'],
  parameters: [
    {
      name: 'limit',
      in: 'query',
      required: false,
      description: 'How many explainers a page holds.',
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    },
    {
      name: 'cursor',
      in: 'query',
      required: false,
      description: 'Opaque: the `next` of the page before, exactly as given (any other spelling is a 400).',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' },
    },
    {
      ...LANG_PARAM,
      description:
        'Titles and summaries in this edition where an explainer has it (RFC 4647 lookup, as for one explainer); the default edition elsewhere.',
    },
    {
      name: 'updatedSince',
      in: 'query',
      required: false,
      description: 'An RFC 3339 date-time: only explainers whose editions were revised after it.',
      schema: { type: 'string', format: 'date-time' },
    },
  ],
  responses: {
    '200': ok('One page of the index', 'application/json', 'ExplainerIndex', { Link: HEADERS.Link }),
    '304': NOT_MODIFIED,
    '400': problem('A malformed limit, cursor, lang or updatedSince', ['invalid-parameter']),
    '503': UNAVAILABLE,
  },
});

describe('/v1/explainers/{id}', {
  operationId: 'getExplainer',
  summary: 'One whole explainer, in one edition',
  description:
    'The whole explainer as JSON: key facts, why it matters, background cards, timeline, sources, corrections and revisions, each fact citing source ids. `Content-Language` names the edition; `Link` (rel="alternate") its HTML page.',
  tags: ['Explainers'],
  parameters: [
    ID_PARAM,
    LANG_PARAM,
    {
      name: 'rendering',
      in: 'query',
      required: false,
      description:
        'The `rendering` attribute of a server-rendered snippet: 204 when that rendering is still current, else the explainer as without it.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{27}$' },
    },
  ],
  responses: {
    '200': ok('The explainer', 'application/json', 'Explainer', {
      'Content-Language': HEADERS['Content-Language'],
      Link: { ...HEADERS.Link, required: true },
    }),
    '204': {
      description: 'The snippet that asked (`rendering`) is current: nothing to download',
      headers: { 'Content-Language': HEADERS['Content-Language'] },
    },
    '304': NOT_MODIFIED,
    '400': problem('A malformed id, lang or rendering', ['invalid-parameter']),
    '404': problem('No explainer with this id, or not in this edition (`available` lists its editions)', [
      'unknown-explainer',
      'edition-not-available',
    ]),
    '503': UNAVAILABLE,
  },
});
