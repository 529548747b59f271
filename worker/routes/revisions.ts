/**
 * @module `/v1/revisions.atom`: an Atom feed (RFC 4287) of what changed for readers, for
 * aggregators and newsrooms' own sites: each edition's first publication, corrections and
 * updates (reviews change nothing for readers and are left out), newest first, across every
 * explainer and edition of the catalogue; the newest `FEED_ENTRIES` of them.
 */
import { Hono } from 'hono';
import { editionKey, type StoredIndexEntry } from '../../catalogue/kv.ts';
import type { Explainer } from '../../catalogue/schema.ts';
import type { AppEnv } from '../env.ts';
import { readIndex } from '../catalogue.ts';
import { readKv } from '../kv.ts';
import { CACHE, prepareBody, prepared, toBody } from '../http-cache.ts';
import { memoKey, remember, type PreparedBody } from '../memo.ts';
import { langParam, lookupLang } from '../lang.ts';
import { apiErrors } from '../problem.tsx';
import { atomFeed, FEED_PATH, feedUrl, type FeedEntry } from '../atom.ts';
import { describe, LANG_PARAM, NOT_MODIFIED, ok, problem, UNAVAILABLE } from '../openapi.ts';

const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
/** How many entries the feed holds: the newest. */
export const FEED_ENTRIES = 50;
/** Editions read for one feed at most: KV limits the reads of one request. */
const MAX_EDITIONS = 200;
/** Editions read at once. */
const BATCH = 10;

export const revisions = new Hono<AppEnv>();
revisions.onError(apiErrors);

/** Code-unit order: the same in every runtime and locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; on one day by explainer id, then language, then the later revision first. */
const newestFirst = (a: FeedEntry, b: FeedEntry) =>
  compare(b.date, a.date) || compare(a.id, b.id) || compare(a.lang, b.lang) || b.position - a.position;

/** The entries of one edition: every revision readers are told about (never a review). */
function entriesOf(doc: Explainer, id: string, lang: string): FeedEntry[] {
  return doc.revisions.flatMap((r, i): FeedEntry[] => {
    // The first entry is the first publication; a later one without a kind counts as a correction.
    const kind = i === 0 ? 'publication' : (r.kind ?? 'correction');
    if (kind === 'review') return [];
    const entry: FeedEntry = { id, lang, position: i + 1, date: r.date, kind, title: doc.title, note: r.note };
    if (r.approvedBy) entry.approvedBy = r.approvedBy;
    return [entry];
  });
}

/**
 * The newest `FEED_ENTRIES` entries (in `lang`, if given), and the versions of the editions read
 * for them. Editions are read latest revision first (the index has each edition's latest
 * revision date, an upper bound of its entries' dates), until no unread edition can hold an
 * entry as new as the last one kept: a few dozen reads, however large the catalogue.
 */
async function collect(
  kv: KVNamespace,
  index: { version: string; entries: StoredIndexEntry[] },
  lang: string | undefined,
): Promise<{ entries: FeedEntry[]; versions: string[] }> {
  const editions = remember(memoKey.feedEditions(index.version, lang ?? ''), () =>
    index.entries
      .flatMap((e) =>
        (lang ? [lang] : e.languages).flatMap((l) => {
          const edition = e.editions[l];
          return edition ? [{ id: e.id, lang: l, revisedAt: edition.revisedAt }] : [];
        }),
      )
      .sort((a, b) => compare(b.revisedAt, a.revisedAt) || compare(a.id, b.id) || compare(a.lang, b.lang)),
  );
  const found: FeedEntry[] = [];
  const versions: string[] = [];
  const limit = Math.min(editions.length, MAX_EDITIONS);
  for (let at = 0; at < limit; at += BATCH) {
    if (found.length >= FEED_ENTRIES) {
      found.sort(newestFirst);
      if (editions[at]!.revisedAt < found[FEED_ENTRIES - 1]!.date) break;
    }
    const batch = editions.slice(at, Math.min(at + BATCH, limit));
    const stored = await Promise.all(batch.map((e) => readKv(kv, editionKey(e.id, e.lang))));
    batch.forEach((e, i) => {
      const s = stored[i];
      versions.push(s?.version ?? '-');
      if (!s) return; // the index ahead of its editions (a publish propagating): next time
      const key = editionKey(e.id, e.lang);
      const doc = remember(memoKey.parsed<Explainer>(key, s.version), () => JSON.parse(s.value) as Explainer);
      found.push(...entriesOf(doc, e.id, e.lang));
    });
  }
  return { entries: found.sort(newestFirst).slice(0, FEED_ENTRIES), versions };
}

revisions.get('/revisions.atom', async (c) => {
  const asked = langParam(c.req.query('lang'));
  const index = await readIndex(c.env.EXPLAINERS);
  // The language as the catalogue has it (`ru-RU` → `ru`), as the index matches it.
  const languages = remember(memoKey.languages(index.version), () => [
    ...new Set(index.entries.flatMap((e) => e.languages)),
  ]);
  const lang = asked && lookupLang(asked, languages);
  const origin = c.env.PUBLIC_ORIGIN;
  let body: PreparedBody;
  if (asked && !lang) {
    // A well-formed language no edition has: an empty feed, which fills once one is published.
    body = await toBody(atomFeed({ origin, self: feedUrl(origin, asked), lang: asked, entries: [] }));
  } else {
    const { entries, versions } = await collect(c.env.EXPLAINERS, index, lang);
    // Kept by what the feed is made of: the index and every edition read, never the request's spelling.
    body = await prepareBody(memoKey.body('revisions-feed', origin, lang ?? '', index.version, ...versions), () =>
      atomFeed({ origin, self: feedUrl(origin, lang), lang, entries }),
    );
  }
  return prepared(c.req.header('If-None-Match'), { body, contentType: ATOM_TYPE, cacheControl: CACHE.content });
});

describe(FEED_PATH, {
  operationId: 'getRevisionsFeed',
  summary: 'An Atom feed of first publications, corrections and updates, newest first',
  description: `For aggregators and newsrooms' sites: an Atom 1.0 feed (RFC 4287) with one entry per revision readers are told about, across every explainer and edition: its first publication ("Published"), each correction ("Corrected") and update ("Updated"); reviews, which change nothing for readers, are left out. The newest ${FEED_ENTRIES} entries, newest first. Each entry's \`id\` is the edition's page with \`#revision-<n>\` (its place in the edition's \`revisions\`, 1 for the first publication): it never changes. \`updated\` is the revision's day at 00:00 UTC, \`summary\` its note, \`category\` its kind (\`publication\`, \`correction\`, \`update\`), \`xml:lang\` the edition's language, and the \`alternate\` link the edition's page. The whole revision log of an edition is in \`GET /v1/explainers/{id}\` (\`revisions\`).`,
  tags: ['Explainers'],
  parameters: [
    {
      ...LANG_PARAM,
      description:
        'Only the entries of editions in this language: any BCP 47 tag, matched by RFC 4647 lookup against the languages the catalogue has (`ru-RU` finds `ru`). A well-formed tag no edition has gives an empty feed.',
    },
  ],
  responses: {
    '200': ok('The feed (Atom 1.0)', 'application/atom+xml'),
    '304': NOT_MODIFIED,
    '400': problem('A malformed lang', ['invalid-parameter']),
    '503': UNAVAILABLE,
  },
});
