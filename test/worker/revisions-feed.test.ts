/**
 * GET /v1/revisions.atom, the feed of corrections and updates, as a feed reader or an
 * aggregator meets it: a well-formed Atom 1.0 document (every MUST of RFC 4287 checked on the
 * document parsed by a strict XML parser, below: workerd has no DOMParser), one entry per
 * first publication, correction and update (never a review), newest first across every
 * explainer and edition, text that looks like markup kept as text, ids that never change,
 * `?lang=`, ETag and 304, HEAD, and a problem document for a malformed language.
 *
 * The catalogue is the published one plus explainers this file publishes to KV before its first
 * request: one whose titles, notes and names are full of markup (dated 2030, so newest whatever
 * the catalogue holds) and 60 old ones (so the feed has more entries than it keeps).
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './request.ts';
import { expectProblem } from './problem-expect.ts';
import { etagOf } from '../../worker/etag.ts';
import { FEED_ENTRIES } from '../../worker/routes/revisions.ts';
import type { StoredIndexEntry } from '../../catalogue/kv.ts';
import entries from '../../generated/kv.json';

const ORIGIN = env.PUBLIC_ORIGIN;
const FEED = '/v1/revisions.atom';
const ATOM = 'http://www.w3.org/2005/Atom';

// --- A strict XML 1.0 parser, for the subset a feed needs ------------------------------------

interface El {
  name: string;
  attrs: Map<string, string>;
  children: El[];
  /** The element's own character data, references resolved. */
  text: string;
}

/** XML 1.0's Char production: what a document may contain at all. */
const CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
/** Names: the ASCII part of XML's Name production, at most one colon (all a feed needs). */
const NAME = /[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The document's root element, or an error saying where it is not well-formed XML: characters
 * XML does not allow, a bare `&` or an unknown entity, `<` in an attribute value, `]]>` in text,
 * unquoted or repeated attributes, tags that do not match, more than one root. A DOCTYPE,
 * comment, CDATA section or processing instruction is refused too: a feed of ours has none.
 */
function parseXml(doc: string): El {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at ${i}: ${why}`);
  };
  if (!CHARS.test(doc)) fail('a character XML does not allow');
  const space = () => {
    const from = i;
    while (i < doc.length && ' \t\r\n'.includes(doc[i]!)) i++;
    return i > from;
  };
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(doc);
    if (!m) return fail('a name');
    i += m[0].length;
    return m[0];
  };
  const unescape = (raw: string) => {
    let out = '';
    for (let k = 0; k < raw.length;) {
      if (raw[k] !== '&') {
        out += raw[k++]!;
        continue;
      }
      REFERENCE.lastIndex = k;
      const m = REFERENCE.exec(raw);
      if (!m) return fail(`a bare "&" or an unknown entity: ${raw.slice(k, k + 12)}`);
      const ch = m[1] ? PREDEFINED[m[1]]! : String.fromCodePoint(parseInt(m[2] ?? m[3]!, m[2] ? 10 : 16));
      if (!CHARS.test(ch)) fail('a reference to a character XML does not allow');
      out += ch;
      k += m[0].length;
    }
    return out;
  };
  const element = (): El => {
    if (doc[i] !== '<') fail('an element');
    i++;
    const tag = name();
    const attrs = new Map<string, string>();
    for (;;) {
      const spaced = space();
      if (doc.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attrs, children: [], text: '' };
      }
      if (doc[i] === '>') {
        i++;
        break;
      }
      if (!spaced) fail('white space before an attribute');
      const attr = name();
      space();
      if (doc[i] !== '=') fail(`"=" after ${attr}`);
      i++;
      space();
      const quote = doc[i];
      if (quote !== '"' && quote !== "'") fail(`a quoted value of ${attr}`);
      const end = doc.indexOf(quote!, i + 1);
      if (end < 0) fail(`the end of the value of ${attr}`);
      const raw = doc.slice(i + 1, end);
      if (raw.includes('<')) fail(`"<" in the value of ${attr}`);
      if (attrs.has(attr)) fail(`${attr} twice`);
      attrs.set(attr, unescape(raw));
      i = end + 1;
    }
    const children: El[] = [];
    let text = '';
    for (;;) {
      const next = doc.indexOf('<', i);
      if (next < 0) fail(`the end of <${tag}>`);
      const raw = doc.slice(i, next);
      if (raw.includes(']]>')) fail('"]]>" in text');
      text += unescape(raw);
      i = next;
      if (doc.startsWith('</', i)) {
        i += 2;
        const closing = name();
        space();
        if (doc[i] !== '>') fail('">" to end a closing tag');
        i++;
        if (closing !== tag) fail(`</${closing}> closing <${tag}>`);
        return { name: tag, attrs, children, text };
      }
      if (doc[i + 1] === '!' || doc[i + 1] === '?')
        fail('a declaration, comment, CDATA section or processing instruction');
      children.push(element());
    }
  };
  const declaration =
    /^<\?xml[ \t\r\n]+version=(["'])1\.0\1(?:[ \t\r\n]+encoding=(["'])[A-Za-z][\w.-]*\2)?(?:[ \t\r\n]+standalone=(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/.exec(
      doc,
    );
  if (declaration) i = declaration[0].length;
  space();
  const root = element();
  space();
  if (i !== doc.length) fail('anything after the root element');
  return root;
}

// --- Every MUST of RFC 4287 on a parsed feed --------------------------------------------------

const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

const kids = (el: El, name: string) => el.children.filter((c) => c.name === name);
function one(el: El, name: string): El {
  const found = kids(el, name);
  expect(found, `<${el.name}> has exactly one <${name}>`).toHaveLength(1);
  return found[0]!;
}
function atMostOne(el: El, name: string): El | undefined {
  const found = kids(el, name);
  expect(found.length, `<${el.name}> has at most one <${name}>`).toBeLessThanOrEqual(1);
  return found[0];
}
/** An absolute IRI (RFC 3987): a scheme, then no white space; ours all parse as URLs. */
function expectIri(value: string, what: string) {
  expect(value, what).toMatch(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/);
  expect(() => new URL(value), what).not.toThrow();
}
/** A Text construct (3.1): `text` (the default), `html` or `xhtml`; text and html hold no elements. */
function expectText(el: El) {
  const type = el.attrs.get('type') ?? 'text';
  expect(['text', 'html', 'xhtml'], `type of <${el.name}>`).toContain(type);
  if (type !== 'xhtml') expect(el.children, `<${el.name}> holds text only`).toEqual([]);
}
/** A Date construct (3.3): an RFC 3339 date-time, "T" and "Z" upper case. */
function expectDate(el: El) {
  expect(el.text, `<${el.name}>`).toMatch(RFC3339);
  expect(Number.isNaN(Date.parse(el.text)), `<${el.name}> ${el.text}`).toBe(false);
}
/** A Person construct (3.2): exactly one name, at most one uri (an IRI) and one email. */
function expectPerson(el: El) {
  expect(one(el, 'name').text.length).toBeGreaterThan(0);
  const uri = atMostOne(el, 'uri');
  if (uri) expectIri(uri.text, `<${el.name}><uri>`);
  atMostOne(el, 'email');
}
/** Links (4.2.7): each has an href; no two `alternate`s with the same type and hreflang. */
function expectLinks(el: El) {
  const alternates = new Set<string>();
  for (const link of kids(el, 'link')) {
    expectIri(link.attrs.get('href') ?? '', `<${el.name}><link> href`);
    const rel = link.attrs.get('rel') ?? 'alternate';
    const hreflang = link.attrs.get('hreflang');
    if (hreflang !== undefined) expect(hreflang).toMatch(LANGUAGE_TAG);
    if (rel === 'alternate') {
      const key = `${link.attrs.get('type') ?? ''} ${hreflang ?? ''}`;
      expect(alternates.has(key), `<${el.name}> has two alternate links for "${key}"`).toBe(false);
      alternates.add(key);
    }
  }
}

/** Checks a feed document against RFC 4287 and returns its root (`<feed>`). */
function expectAtom(text: string): El {
  const feed = parseXml(text);
  expect(feed.name).toBe('feed');
  expect(feed.attrs.get('xmlns'), 'the Atom namespace is the default').toBe(ATOM);
  // Every element in the Atom namespace (none prefixed, no other namespace declared); only
  // xml:lang and plain attributes besides.
  const walk = (el: El) => {
    expect(el.name, 'an element outside the Atom namespace').not.toContain(':');
    for (const [attr, value] of el.attrs) {
      if (attr === 'xmlns') expect(el === feed || value === ATOM).toBe(true);
      else expect(attr === 'xml:lang' || !attr.includes(':'), attr).toBe(true);
      if (attr === 'xml:lang') expect(value).toMatch(LANGUAGE_TAG);
    }
    el.children.forEach(walk);
  };
  walk(feed);

  // 4.1.1 atom:feed
  expectIri(one(feed, 'id').text, 'feed id');
  expectText(one(feed, 'title'));
  expectDate(one(feed, 'updated'));
  const subtitle = atMostOne(feed, 'subtitle');
  if (subtitle) expectText(subtitle);
  for (const name of ['generator', 'icon', 'logo', 'rights']) atMostOne(feed, name);
  const authors = kids(feed, 'author');
  authors.forEach(expectPerson);
  kids(feed, 'contributor').forEach(expectPerson);
  expectLinks(feed);
  expect(
    kids(feed, 'link').filter((l) => l.attrs.get('rel') === 'self'),
    'exactly one self link',
  ).toHaveLength(1);
  for (const category of kids(feed, 'category')) expect(category.attrs.get('term')).toBeTruthy();

  // 4.1.2 atom:entry
  const ids = new Set<string>();
  for (const entry of kids(feed, 'entry')) {
    const id = one(entry, 'id').text;
    expectIri(id, 'entry id');
    expect(ids.has(id), `entry id ${id} twice`).toBe(false);
    ids.add(id);
    expectText(one(entry, 'title'));
    expectDate(one(entry, 'updated'));
    const published = atMostOne(entry, 'published');
    if (published) expectDate(published);
    // An author of its own, or the feed's.
    expect(kids(entry, 'author').length + authors.length, `${id} has no author`).toBeGreaterThan(0);
    kids(entry, 'author').forEach(expectPerson);
    kids(entry, 'contributor').forEach(expectPerson);
    for (const category of kids(entry, 'category')) expect(category.attrs.get('term')).toBeTruthy();
    expectLinks(entry);
    const content = atMostOne(entry, 'content');
    // Without content, an entry MUST have an alternate link; with a src, it MUST have a summary.
    if (!content)
      expect(kids(entry, 'link').some((l) => (l.attrs.get('rel') ?? 'alternate') === 'alternate')).toBe(true);
    const summary = atMostOne(entry, 'summary');
    if (summary) expectText(summary);
    if (content?.attrs.has('src')) expect(summary).toBeDefined();
    for (const name of ['rights', 'source']) atMostOne(entry, name);
  }
  return feed;
}

// --- The catalogue this file serves -----------------------------------------------------------

interface Revision {
  date: string;
  note: string;
  kind?: string;
  approvedBy?: string;
}
interface Edition {
  id: string;
  lang: string;
  title: string;
  revisions: Revision[];
}

const stored = (key: string) => JSON.parse(entries.find((e) => e.key === key)!.value) as Record<string, unknown>;
const realEn = stored('explainer:putin-baku-2024:en');
const realRu = stored('explainer:putin-baku-2024:ru');

/** Characters XML cannot carry at all, even escaped. */
const CONTROL = '\u0001';
const LONE = '\uD800';

/** The explainer whose every text looks like markup, dated after anything real. */
const MARKUP = 'feed-markup-story';
const MARKUP_EN: Edition = {
  id: MARKUP,
  lang: 'en',
  title: `A <title> & "quotes" 'too'`,
  revisions: [
    { date: '2030-01-01', note: 'First published.' },
    {
      date: '2030-01-02',
      note: `Fixed <b>&"' and ]]> in the text`,
      kind: 'correction',
      approvedBy: 'Duty <editor> & "co"',
    },
    { date: '2030-01-03', note: 'Checked against the sources: nothing changed.', kind: 'review' },
    { date: '2030-01-03', note: 'An entry without a kind counts as a correction.' },
    { date: '2030-01-04', note: `A control ${CONTROL} and a lone ${LONE} surrogate`, kind: 'update' },
  ],
};
const MARKUP_RU: Edition = {
  id: MARKUP,
  lang: 'ru',
  title: 'Заголовок <с разметкой> & «кавычками»',
  revisions: [
    { date: '2030-01-01', note: 'Первая публикация.' },
    { date: '2030-01-02', note: 'Исправлено: <i>курсив</i> & «кавычки»', kind: 'correction' },
  ],
};
/**
 * More first publications than the feed keeps, older than anything real, three a day (listed
 * here newest id first), so that the order within a day and the cut between kept and dropped
 * entries run through the same days.
 */
const OLD: Edition[] = Array.from({ length: 60 }, (_, i) => ({
  id: `feed-old-story-${String(59 - i).padStart(2, '0')}`,
  lang: 'en',
  title: `Old story ${59 - i}`,
  revisions: [
    {
      date: `1990-01-${String(Math.floor(i / 3) + 1).padStart(2, '0')}`,
      note: 'First published.',
    },
  ],
}));
const PUBLISHED = [MARKUP_EN, MARKUP_RU, ...OLD];

/** Every edition the feed draws from: the published catalogue and this file's. */
const EDITIONS: Edition[] = [
  ...entries.filter((e) => /^explainer:[^:]+:[^:]+$/.test(e.key)).map((e) => JSON.parse(e.value) as Edition),
  ...PUBLISHED,
];

beforeAll(async () => {
  const index = JSON.parse(entries.find((e) => e.key === 'index')!.value) as StoredIndexEntry[];
  for (const id of new Set(PUBLISHED.map((e) => e.id))) {
    const editions = PUBLISHED.filter((e) => e.id === id);
    for (const e of editions) {
      const doc = { ...(e.lang === 'ru' ? realRu : realEn), ...e, updatedAt: `${e.revisions.at(-1)!.date}T12:00:00Z` };
      await env.EXPLAINERS.put(`explainer:${id}:${e.lang}`, JSON.stringify(doc), {
        metadata: { etag: `"${id}-${e.lang}"` },
      });
    }
    const langs = editions.map((e) => e.lang);
    await env.EXPLAINERS.put(`explainer:${id}`, JSON.stringify({ defaultLang: langs[0], langs }), {
      metadata: { etag: `"${id}-meta"` },
    });
    index.push({
      id,
      publishedAt: editions[0]!.revisions[0]!.date,
      updatedAt: `${editions[0]!.revisions.at(-1)!.date}T12:00:00Z`,
      lang: langs[0]!,
      languages: langs,
      editions: Object.fromEntries(
        editions.map((e) => [
          e.lang,
          {
            title: e.title,
            summary: 'A summary.',
            updatedAt: `${e.revisions.at(-1)!.date}T12:00:00Z`,
            revisedAt: e.revisions.at(-1)!.date,
            revisions: e.revisions.length,
          },
        ]),
      ),
    });
  }
  index.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  await env.EXPLAINERS.put('index', JSON.stringify(index), { metadata: { etag: '"index-with-feed-stories"' } });
});

/** What the feed must hold, by its contract: newest first; on one day by id, language, later revision first. */
function expected(lang?: string) {
  const all = EDITIONS.filter((e) => lang === undefined || e.lang === lang).flatMap((e) =>
    e.revisions.flatMap((r, i) => {
      const kind = i === 0 ? 'publication' : (r.kind ?? 'correction');
      return kind === 'review' ? [] : [{ ...r, kind, edition: e, position: i + 1 }];
    }),
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  all.sort(
    (a, b) =>
      cmp(b.date, a.date) ||
      cmp(a.edition.id, b.edition.id) ||
      cmp(a.edition.lang, b.edition.lang) ||
      b.position - a.position,
  );
  return { total: all.length, kept: all.slice(0, FEED_ENTRIES) };
}
const idOf = (e: { edition: Edition; position: number }) =>
  `${ORIGIN}/explainers/${e.edition.id}?lang=${e.edition.lang}#revision-${e.position}`;

const feedOf = async (query = '') => {
  const res = await get(`${FEED}${query}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { res, text, feed: expectAtom(text) };
};
const entryById = (feed: El, id: string) => kids(feed, 'entry').find((e) => one(e, 'id').text === id)!;

// --- The feed ---------------------------------------------------------------------------------

describe('the feed is valid Atom 1.0 (RFC 4287), checked by a strict XML parser', () => {
  it('the parser refuses what is not well-formed XML', () => {
    const ok = '<?xml version="1.0" encoding="utf-8"?>\n<a x="1 &amp; 2"><b>&lt;&#233;&#x10000;</b></a>';
    expect(parseXml(ok).children[0]!.text).toBe('<\u00e9\u{10000}');
    for (const bad of [
      '<a>1 & 2</a>',
      '<a>&nbsp;</a>',
      '<a x="<"/>',
      '<a x=1/>',
      '<a x="1" x="2"/>',
      '<a><b></a></b>',
      '<a>]]></a>',
      '<a>\u0001</a>',
      '<a>&#1;</a>',
      '<a/><b/>',
      '<a><!-- no --></a>',
      '<a',
    ])
      expect(() => parseXml(bad), bad).toThrow(/not well-formed/);
  });

  it('is served as application/atom+xml with a strong ETag, the index cache policy and CORS', async () => {
    const { res, text, feed } = await feedOf();
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers.get('ETag')).toBe(await etagOf(new TextEncoder().encode(text)));
    const index = await get('/v1/explainers');
    expect(res.headers.get('Cache-Control')).toBe(index.headers.get('Cache-Control'));
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    // The feed names itself on our configured origin, and its updated is its newest entry's.
    const self = kids(feed, 'link').find((l) => l.attrs.get('rel') === 'self')!;
    expect(self.attrs.get('href')).toBe(`${ORIGIN}${FEED}`);
    expect(self.attrs.get('type')).toBe('application/atom+xml');
    expect(one(feed, 'id').text).toBe(`${ORIGIN}${FEED}`);
    expect(
      kids(feed, 'link')
        .find((l) => l.attrs.get('rel') === 'alternate')
        ?.attrs.get('href'),
    ).toBe(`${ORIGIN}/`);
    expect(one(one(feed, 'author'), 'name').text).toBe('News Explainer');
    expect(one(feed, 'updated').text).toBe(one(kids(feed, 'entry')[0]!, 'updated').text);
  });
});

describe('one entry per publication, correction and update, newest first', () => {
  it('across every explainer and edition, never a review, the newest FEED_ENTRIES kept', async () => {
    const { feed } = await feedOf();
    const { total, kept } = expected();
    expect(total).toBeGreaterThan(FEED_ENTRIES);
    const shown = kids(feed, 'entry');
    expect(shown.map((e) => one(e, 'id').text)).toEqual(kept.map(idOf));
    const dates = shown.map((e) => one(e, 'updated').text);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const [i, entry] of shown.entries()) {
      const want = kept[i]!;
      expect(one(entry, 'updated').text).toBe(`${want.date}T00:00:00Z`);
      expect(one(entry, 'summary').text).toBe(want.note.replaceAll(CONTROL, '\uFFFD').replaceAll(LONE, '\uFFFD'));
      expect(one(entry, 'category').attrs.get('term')).toBe(want.kind);
      expect(entry.attrs.get('xml:lang')).toBe(want.edition.lang);
    }
    // Reviews change nothing for readers: none is in the feed.
    expect(shown.map((e) => one(e, 'category').attrs.get('term'))).not.toContain('review');
    expect(shown.some((e) => one(e, 'summary').text.startsWith('Checked against the sources'))).toBe(false);
  });

  it('titles say what happened in the edition’s language; a later entry without a kind is a correction', async () => {
    const { feed } = await feedOf();
    const title = (lang: string, n: number) =>
      one(entryById(feed, `${ORIGIN}/explainers/${MARKUP}?lang=${lang}#revision-${n}`), 'title').text;
    expect(title('en', 1)).toBe(`Published: ${MARKUP_EN.title}`);
    expect(title('en', 2)).toBe(`Corrected: ${MARKUP_EN.title}`);
    expect(title('en', 4)).toBe(`Corrected: ${MARKUP_EN.title}`);
    expect(title('en', 5)).toBe(`Updated: ${MARKUP_EN.title}`);
    expect(title('ru', 1)).toBe(`Опубликовано: ${MARKUP_RU.title}`);
    expect(title('ru', 2)).toBe(`Исправлено: ${MARKUP_RU.title}`);
    expect(entryById(feed, `${ORIGIN}/explainers/${MARKUP}?lang=en#revision-3`)).toBeUndefined();
  });

  it('keeps text that looks like markup as text: titles, notes and names come back exactly', async () => {
    const { text, feed } = await feedOf();
    expect(text).not.toContain('<b>');
    expect(text).not.toContain('<title> &');
    expect(text).not.toContain('<editor>');
    expect(text).not.toContain('<i>');
    const corrected = entryById(feed, `${ORIGIN}/explainers/${MARKUP}?lang=en#revision-2`);
    expect(one(corrected, 'summary').text).toBe(`Fixed <b>&"' and ]]> in the text`);
    expect(one(one(corrected, 'contributor'), 'name').text).toBe('Duty <editor> & "co"');
    // Characters XML cannot carry at all become U+FFFD; the document stays well-formed.
    const updated = entryById(feed, `${ORIGIN}/explainers/${MARKUP}?lang=en#revision-5`);
    expect(one(updated, 'summary').text).toBe('A control \uFFFD and a lone \uFFFD surrogate');
  });

  it('each entry has a stable absolute id and an alternate link to its edition’s page, with hreflang', async () => {
    const { feed } = await feedOf();
    for (const entry of kids(feed, 'entry')) {
      const id = one(entry, 'id').text;
      // The edition's page on our origin, and the revision's place in its log (1: first publication).
      const [, origin, explainer, lang, n] =
        /^(.+)\/explainers\/([a-z0-9-]+)\?lang=([A-Za-z0-9-]+)#revision-(\d+)$/.exec(id)!;
      expect(origin).toBe(ORIGIN);
      expect(lang).toBe(entry.attrs.get('xml:lang'));
      const edition = EDITIONS.find((e) => e.id === explainer && e.lang === lang)!;
      expect(edition.revisions[Number(n) - 1]!.note.slice(0, 8)).toBe(one(entry, 'summary').text.slice(0, 8));
      const link = kids(entry, 'link').find((l) => l.attrs.get('rel') === 'alternate')!;
      expect(link.attrs.get('href')).toBe(`${ORIGIN}/explainers/${explainer}?lang=${lang}`);
      expect(link.attrs.get('hreflang')).toBe(lang);
      expect(link.attrs.get('type')).toBe('text/html');
    }
    // The page is there.
    const page = await get(`/explainers/${MARKUP}?lang=ru`);
    expect(page.status).toBe(200);
    await page.arrayBuffer();
  });
});

describe('GET /v1/revisions.atom?lang=', () => {
  it('keeps one language’s entries, with the same ids as in the whole feed', async () => {
    const { feed } = await feedOf('?lang=ru');
    const shown = kids(feed, 'entry');
    expect(shown.map((e) => one(e, 'id').text)).toEqual(expected('ru').kept.map(idOf));
    expect(shown.length).toBeGreaterThan(0);
    for (const entry of shown) expect(entry.attrs.get('xml:lang')).toBe('ru');
    expect(feed.attrs.get('xml:lang')).toBe('ru');
    expect(one(feed, 'title').text).toMatch(/исправления/);
    expect(
      kids(feed, 'link')
        .find((l) => l.attrs.get('rel') === 'self')!
        .attrs.get('href'),
    ).toBe(`${ORIGIN}${FEED}?lang=ru`);
    // Entries the whole feed also holds have the very same ids there.
    const whole = new Set(kids((await feedOf()).feed, 'entry').map((e) => one(e, 'id').text));
    const both = shown.map((e) => one(e, 'id').text).filter((id) => whole.has(id));
    expect(both.length).toBeGreaterThan(0);
  });

  it('matches the language as the index does: ru-RU and RU are the ru feed', async () => {
    const ru = await get(`${FEED}?lang=ru`);
    const bytes = await ru.text();
    for (const tag of ['ru-RU', 'RU']) {
      const res = await get(`${FEED}?lang=${tag}`);
      expect(await res.text(), tag).toBe(bytes);
      expect(res.headers.get('ETag')).toBe(ru.headers.get('ETag'));
    }
  });

  it('a well-formed language no edition has gives a valid, empty feed', async () => {
    const { feed } = await feedOf('?lang=zh-Hant');
    expect(kids(feed, 'entry')).toEqual([]);
    expect(
      kids(feed, 'link')
        .find((l) => l.attrs.get('rel') === 'self')!
        .attrs.get('href'),
    ).toBe(`${ORIGIN}${FEED}?lang=zh-Hant`);
  });

  it('a malformed one is a 400 problem document quoting it', async () => {
    for (const bad of ['!!', '', 'en_US', 'x'.repeat(40)]) {
      const body = await expectProblem(await get(`${FEED}?lang=${encodeURIComponent(bad)}`), 400, 'invalid-parameter');
      expect(body.detail as string, bad).toContain(`"${bad.slice(0, 35)}"`);
    }
  });
});

describe('conditional requests, HEAD and OPTIONS', () => {
  it('answers If-None-Match with 304, the same ETag, cache and CORS headers, and no body', async () => {
    for (const query of ['', '?lang=ru']) {
      const first = await get(`${FEED}${query}`);
      await first.arrayBuffer();
      const etag = first.headers.get('ETag')!;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const again = await get(`${FEED}${query}`, {
          headers: { 'If-None-Match': ifNoneMatch, Origin: 'https://aggregator.example' },
        });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        expect(again.headers.get('ETag')).toBe(etag);
        expect(again.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
        expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*');
      }
    }
    const ru = (await get(`${FEED}?lang=ru`)).headers.get('ETag');
    expect(ru).not.toBe((await get(FEED)).headers.get('ETag'));
  });

  it('HEAD sends the same headers and no body; OPTIONS is the CORS preflight', async () => {
    const full = await get(FEED);
    const length = (await full.arrayBuffer()).byteLength;
    const head = await get(FEED, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(head.headers.get('ETag')).toBe(full.headers.get('ETag'));
    expect(head.headers.get('Content-Length')).toBe(String(length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const preflight = await get(FEED, { method: 'OPTIONS', headers: { Origin: 'https://aggregator.example' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('the explainer page advertises its language’s feed', () => {
  it('links the feed with rel="alternate" type="application/atom+xml"', async () => {
    for (const lang of ['en', 'ru']) {
      const html = await (await get(`/explainers/putin-baku-2024?lang=${lang}`)).text();
      const link = /<link rel="alternate" type="application\/atom\+xml" href="([^"]+)" title="([^"]+)"\/>/.exec(html);
      expect(link?.[1], lang).toBe(`${ORIGIN}${FEED}?lang=${lang}`);
    }
  });
});
