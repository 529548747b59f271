/**
 * @module The one schema for explainer content.
 *
 * It is the single source of truth three times over: the content build validates every file
 * with it, the TypeScript types are inferred from it (`z.input` is what editors write,
 * `z.output` is what the API serves), and the OpenAPI description is generated from it.
 * The widget imports only its types.
 *
 * Every field of what the API serves carries a description (`.describe()`, or `.meta()` where
 * it also needs a JSON Schema `format`): API clients read them in the OpenAPI description and
 * on /docs. Where a schema goes through `.transform()`/`.pipe()`, the API serves the pipe's
 * output, so the descriptions stand on the output side.
 */
import { z } from 'zod';
import { parseInline, inlineText, isHttpsUrl, type Inline } from './inline.ts';
import { proseFields, type Path } from './prose.ts';
import { SLUG, LANG } from './patterns.ts';
import { en } from '../ui/strings/en.ts';

export { SLUG, LANG };

const Slug = z.string().regex(SLUG, 'must be a lowercase slug (a-z, 0-9, hyphens)');
/** A calendar date, or a month or year where the source shows no day. */
const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const IsoDate = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });
const HttpsUrl = z.string().refine(isHttpsUrl, 'must be an absolute https: URL');
const SourceId = Slug.describe("The id of an entry of the explainer's `sources`.");
const SourceIds = z.array(SourceId).min(1, 'must cite at least one source id');

/** The partial-date rule, said once for every field that has one. */
const PARTIAL_DATE =
  'A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the sources are (not a JSON Schema `date`).';
const CITED = (what: string) =>
  `Ids of the entries of \`sources\` that support ${what} (at least one); its \`cite\` runs may name more.`;
/** Plain text: no markup and no HTML, to be shown as is. */
const PLAIN = 'Plain text';

const InlineSchema: z.ZodType<Inline, Inline> = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('text').describe('`text`: a run of plain text.'),
        text: z.string().describe('The text, as is (plain text, never HTML).'),
      })
      .describe('Plain text.'),
    z
      .object({
        type: z.literal('em').describe('`em`: emphasised text.'),
        text: z.string().describe('The emphasised text (plain text; render it as `<em>`).'),
      })
      .describe('Emphasised text.'),
    z
      .object({
        type: z.literal('link').describe('`link`: linked text.'),
        text: z.string().describe('The link text (plain text).'),
        href: z.string().meta({ format: 'uri', description: 'Where it links: always an absolute https: URL.' }),
      })
      .describe('A link to a page elsewhere.'),
    z
      .object({
        type: z.literal('cite').describe('`cite`: a citation marker.'),
        source: z
          .string()
          .describe("The id of the cited entry of the explainer's `sources`; the widget shows that source's number."),
      })
      .describe('A citation marker; it has no text of its own and adds nothing to the plain `text`.'),
  ])
  .describe('One run of inline content, told apart by `type`.');

const Runs = z
  .array(InlineSchema)
  .describe(
    'The same text as typed inline runs, in order, for renderers: `text`, `em` (emphasis), `link` (an https: link) and `cite` (a citation marker naming a source id). The `text` of every run but `cite`, joined, is the plain `text`. Never HTML.',
  );

/**
 * Authored as a string with light markup; served as its plain `text` (for API clients that
 * want a string) plus typed `runs` (for renderers). Never HTML.
 */
const RichText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .transform((source, ctx) => {
      const parsed = parseInline(source);
      if (parsed.ok) return { text: inlineText(parsed.value), runs: parsed.value };
      ctx.issues.push({ code: 'custom', message: parsed.error, input: source });
      return z.NEVER;
    })
    .pipe(
      z
        .object({
          text: z.string().describe(`${PLAIN} of the paragraph: its markup removed, citation markers dropped.`),
          runs: Runs,
        })
        .describe('A paragraph: its plain `text` and the same as `runs`.'),
    );

/** The plain `text` of an item whose text is authored with markup, served beside its `runs`. */
const FlatText = (what: string) =>
  z
    .string()
    .describe(`${PLAIN} of the ${what}: its markup removed, citation markers dropped; \`runs\` has it formatted.`);

type Rich = { text: string; runs: Inline[] };

/** Items whose `text` is authored with markup are served flat: plain `text` beside its `runs`. */
function flatten<T extends { text: Rich }>({ text, ...rest }: T): Omit<T, 'text'> & Rich {
  return { ...rest, text: text.text, runs: text.runs };
}

const PlainText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const SourceSchema = z
  .strictObject({
    id: Slug.describe(
      "The source's id (a lowercase slug), unique in this explainer: what `sources` lists and `cite` runs name.",
    ),
    title: PlainText(200).describe(
      `${PLAIN}: the title of the cited page or document, in the source's language (\`lang\`, else the edition's).`,
    ),
    publisher: PlainText(100).describe(`${PLAIN}: who published it.`),
    url: HttpsUrl.meta({ format: 'uri', description: 'The source itself: an absolute https: URL.' }),
    date: PartialDate.describe(
      `The source's publication date or, where \`dateNote\` says so, the date of the event it records. ${PARTIAL_DATE}`,
    ),
    /** Why `date` is not a publication date, where the page shows none (e.g. "date of the event"). */
    dateNote: PlainText(120)
      .optional()
      .describe(
        `${PLAIN}, shown beside \`date\`: why it is not a publication date where the page shows none (e.g. "date of the event"). Absent when \`date\` is the publication date.`,
      ),
    /** The language of the source's title (and page, unless `pageLang` says otherwise), where it is not the edition's (WCAG 3.1.2). */
    lang: z
      .string()
      .regex(LANG, 'must be a language tag such as "ru"')
      .optional()
      .describe(
        "The language (BCP 47 tag) of the source's title, and of its page unless `pageLang` differs, only where it is not the edition's `lang`.",
      ),
    /** The language of the linked page where it differs from its title's (a Russian title for an English page). */
    pageLang: z
      .string()
      .regex(LANG, 'must be a language tag such as "en"')
      .optional()
      .describe(
        "The language (BCP 47 tag) of the linked page, where it differs from the language of its title (`lang`, else the edition's); links carry it as `hreflang`.",
      ),
  })
  .describe('One source: a page or document the explainer cites. The widget numbers sources in this order, from 1.');

export const KeyFactSchema = z
  .strictObject({ text: RichText(280), sources: SourceIds })
  .transform(flatten)
  .pipe(
    z
      .object({ text: FlatText('fact'), runs: Runs, sources: SourceIds.describe(CITED('the fact')) })
      .describe('One key fact, in a sentence or two, with the sources it cites.'),
  );

export const CardSchema = z
  .strictObject({
    id: Slug.describe(
      "The card's id (a lowercase slug), unique in this explainer. A host page's `#<explainer id>-<card id>` opens the card.",
    ),
    title: PlainText(80).describe(`${PLAIN}: the card's title, all that a closed card shows.`),
    summary: PlainText(180).describe(`${PLAIN}: the card's lead, a sentence.`),
    /** The date the card's facts are valid for ("as of …"). */
    asOf: IsoDate.describe(
      'The calendar date (`YYYY-MM-DD`) the card\'s facts are valid for ("as of"); never later than `updatedAt`.',
    ),
    body: z
      .array(RichText(700))
      .min(1, 'must have at least one paragraph')
      .describe("The card's paragraphs, in order (at least one)."),
    sources: SourceIds.describe(CITED('the card')),
  })
  .describe('A background card: one person, institution, event or term explained on its own, opened on demand.');

export const TimelineEventSchema = z
  .strictObject({ date: PartialDate, text: RichText(280), sources: SourceIds })
  .transform(flatten)
  .pipe(
    z
      .object({
        date: PartialDate.describe(`When it happened. ${PARTIAL_DATE}`),
        text: FlatText('event'),
        runs: Runs,
        sources: SourceIds.describe(CITED('the event')),
      })
      .describe('One dated event.'),
  );

export const CorrectionSchema = z
  .strictObject({ text: RichText(400), sources: z.array(SourceId) })
  .transform(flatten)
  .pipe(
    z
      .object({
        text: FlatText('correction'),
        runs: Runs,
        sources: z
          .array(SourceId)
          .describe('Ids of the entries of `sources` that support the correction (may be empty).'),
      })
      .describe('One thing the reported article got wrong or left unclear, and what the sources say.'),
  );

/** One entry of the revision log: when, and what changed, in a sentence. */
export const RevisionSchema = z
  .strictObject({
    date: IsoDate.describe('The calendar date (`YYYY-MM-DD`) of the revision; never later than `updatedAt`.'),
    note: PlainText(240).describe(`${PLAIN}: what changed, in a sentence.`),
    kind: z
      .enum(['correction', 'update', 'review'])
      .optional()
      .describe(
        'What the revision was for readers: `correction` (they had been told something wrong: shown as "Corrected <date>: <note>" on the first screen), `update` (facts added or changed: the "Updated" date changes), `review` (checked against the sources, nothing changed for readers). Absent on the first entry, the first publication; an older entry without it counts as a correction.',
      ),
    approvedBy: PlainText(100)
      .optional()
      .describe(
        `${PLAIN}: who approved the revision (e.g. the duty editor), where the newsroom names them. Absent when not given.`,
      ),
  })
  .describe('One entry of the revision log: when, what changed and, optionally, who approved it.');

export const ArticleSchema = z
  .strictObject({
    /** Our description of the reported article (not a quoted headline unless it is one). */
    title: PlainText(200).describe(
      `${PLAIN}: our description of the reported article (not a quoted headline unless it is one).`,
    ),
    publisher: PlainText(100).describe(`${PLAIN}: who published the article.`),
    /** The day the article was written or published. */
    date: IsoDate.describe('The calendar date (`YYYY-MM-DD`) the article was written or published.'),
    /** What readers should know about `date`, e.g. that the article itself carries none. */
    dateNote: PlainText(160)
      .optional()
      .describe(`${PLAIN}: what readers should know about \`date\`, e.g. that the article itself carries none.`),
  })
  .describe('The reported article this explainer accompanies: the one `corrections` correct.');

/** Where `corrections` is not empty without `article`: what it corrects, and the fix. */
const CORRECTIONS_WITHOUT_ARTICLE =
  'correct a reported article, but the edition has no "article": add "article" (the reported story: "title", "publisher", "date") or empty "corrections" (an error in the explainer itself goes in "revisions")';

const ExplainerShape = z.strictObject({
  id: Slug.describe("The explainer's id (a lowercase slug): the `{id}` of its URLs and of `data-explainer`."),
  lang: z
    .string()
    .regex(LANG, 'must be a language tag such as "en" or "pt-BR"')
    .describe('The language of this edition, a BCP 47 tag such as `en` or `pt-BR` (also sent as Content-Language).'),
  title: PlainText(120).describe(`${PLAIN}: the explainer's title.`),
  summary: PlainText(240).describe(`${PLAIN}: the explainer in a sentence or two.`),
  updatedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2024-08-19T12:00:00Z' }).meta({
    format: 'date-time',
    description:
      'When this edition was last reviewed against its sources (RFC 3339 date-time), which the widget shows as "Updated". Not when its text last changed: see `revisions`.',
  }),
  /** Optional: an explainer need not follow one article; without it, `corrections` is empty. */
  article: ArticleSchema.optional().describe(
    'The reported article this explainer accompanies: the one `corrections` correct (title, publisher, date). Absent when the explainer follows no single article; `corrections` is then empty.',
  ),
  keyFacts: z
    .array(KeyFactSchema)
    .min(3, 'must have at least 3 key facts')
    .max(8, 'must have at most 8 key facts')
    .describe('The story in 3 to 8 key facts, in order; the widget shows the first three and folds the rest.'),
  whyItMatters: z
    .strictObject({
      body: z
        .array(RichText(700))
        .min(1)
        .describe('Paragraphs, in order (at least one); the widget shows the first and folds the rest.'),
      sources: SourceIds.describe(CITED('these paragraphs')),
    })
    .describe('Why the story matters, in a few paragraphs, with the sources they cite.'),
  background: z
    .array(CardSchema)
    .min(1, 'must have at least one card')
    .describe('Background cards (at least one), in order; ids unique.'),
  timeline: z
    .array(TimelineEventSchema)
    .min(1, 'must have at least one event')
    .describe('Dated events (at least one), oldest first.'),
  sources: z
    .array(SourceSchema)
    .min(1, 'must list at least one source')
    .describe(
      'Every source the explainer cites, each cited at least once, numbered by the widget in this order (1, 2, …); ids unique.',
    ),
  corrections: z
    .array(CorrectionSchema)
    .describe(
      'Corrections to the reported article (`article`), not to the explainer (see `revisions`); may be empty, and is empty when there is no `article`.',
    ),
  /**
   * The revision log, oldest first: the first entry is the first publication, every later one a
   * correction, an update or a review (`kind`). Publishing changed text needs a new correction or
   * update.
   */
  revisions: z
    .array(RevisionSchema)
    .min(1, 'must have at least one entry: the first publication')
    .describe(
      'The edition\'s revision log, oldest first (at least one entry): the first entry is the first publication, every later one a correction, an update or a review (`kind`). The widget shows the latest correction on its first screen ("Corrected <date>: <note>") and lists every correction and update in its Corrections panel; the feed `/v1/revisions.atom` has them too. Publishing changed text needs a new correction or update.',
    ),
});

/** Every citation (field lists and inline `[^id]` markers) with where it stands. */
function citations(doc: z.output<typeof ExplainerShape>): { id: string; path: Path }[] {
  const found: { id: string; path: Path }[] = [];
  const cite = (ids: string[], path: Path) => ids.forEach((id, i) => found.push({ id, path: [...path, i] }));
  doc.keyFacts.forEach((f, i) => cite(f.sources, ['keyFacts', i, 'sources']));
  cite(doc.whyItMatters.sources, ['whyItMatters', 'sources']);
  doc.background.forEach((c, i) => cite(c.sources, ['background', i, 'sources']));
  doc.timeline.forEach((e, i) => cite(e.sources, ['timeline', i, 'sources']));
  doc.corrections.forEach((c, i) => cite(c.sources, ['corrections', i, 'sources']));
  for (const { runs = [], path } of proseFields(doc))
    for (const r of runs) if (r.type === 'cite') found.push({ id: r.source, path });
  return found;
}

function duplicates(ids: string[]): number[] {
  return ids.flatMap((id, i) => (ids.indexOf(id) !== i ? [i] : []));
}

/** The explainer document: what editors write (input) and what the API serves (output). */
export const ExplainerSchema = ExplainerShape.superRefine(
  (doc, ctx) => {
    const known = new Set(doc.sources.map((s) => s.id));
    const cited = new Set<string>();
    for (const { id, path } of citations(doc)) {
      cited.add(id);
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path, message: `cites unknown source id "${id}"` });
    }
    doc.sources.forEach((s, i) => {
      if (!cited.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `source "${s.id}" is never cited` });
    });
    for (const i of duplicates(doc.sources.map((s) => s.id)))
      ctx.addIssue({
        code: 'custom',
        path: ['sources', i, 'id'],
        message: `duplicate source id "${doc.sources[i]?.id}"`,
      });
    for (const i of duplicates(doc.background.map((c) => c.id)))
      ctx.addIssue({
        code: 'custom',
        path: ['background', i, 'id'],
        message: `duplicate card id "${doc.background[i]?.id}"`,
      });
    const reviewed = doc.updatedAt.slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    doc.background.forEach((c, i) => {
      if (c.asOf > reviewed)
        ctx.addIssue({
          code: 'custom',
          path: ['background', i, 'asOf'],
          message: `is later than updatedAt (${reviewed}): updatedAt is the day the text was last reviewed against its sources`,
        });
      if (c.asOf > today)
        ctx.addIssue({
          code: 'custom',
          path: ['background', i, 'asOf'],
          message: `is in the future (today is ${today})`,
        });
    });
    doc.sources.forEach((s, i) => {
      if (s.lang === doc.lang)
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'lang'],
          message: `is the edition's own language: set lang only for a source in another language`,
        });
    });
    doc.revisions.forEach((r, i) => {
      const prev = doc.revisions[i - 1];
      if (prev && prev.date > r.date)
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'date'],
          message: `is earlier than the revision before it (${prev.date})`,
        });
      if (r.date > reviewed)
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'date'],
          message: `is later than updatedAt (${reviewed}): set "updatedAt" to "${r.date}${doc.updatedAt.slice(10)}" (the revision's day) or later, the time you checked the text against its sources`,
        });
    });
    if (!doc.article && doc.corrections.length > 0)
      ctx.addIssue({ code: 'custom', path: ['corrections'], message: CORRECTIONS_WITHOUT_ARTICLE });
    doc.timeline.forEach((e, i) => {
      const prev = doc.timeline[i - 1];
      if (prev && prev.date > e.date)
        ctx.addIssue({
          code: 'custom',
          path: ['timeline', i, 'date'],
          message: `is earlier than the event before it (${prev.date})`,
        });
    });
    // Cross-field checks need a document whose parts all parsed; fix those problems first.
  },
  { when: (payload) => payload.issues.length === 0 },
).describe(
  'One edition (language) of an explainer, as `GET /v1/explainers/{id}` serves it. Text comes as plain strings; text with inline formatting also as typed `runs`. Every fact, card and event cites entries of `sources` by id.',
);

/** A language tag in a response, e.g. an edition the explainer has. */
const LangTag = z.string().describe('A language tag (BCP 47), e.g. `en` or `ru`.');

/** One entry of the index (`GET /v1/explainers`). */
export const IndexEntrySchema = z
  .object({
    id: Slug.describe("The explainer's id: `GET /v1/explainers/{id}` serves it."),
    title: z.string().describe(`${PLAIN}: the title of the edition \`lang\`.`),
    summary: z.string().describe(`${PLAIN}: the summary of the edition \`lang\`.`),
    updatedAt: z.string().meta({
      format: 'date-time',
      description:
        'When the edition `lang` was last reviewed against its sources (RFC 3339 date-time); not when its text last changed: see `revisedAt`.',
    }),
    /** First publication: the index's order, which corrections never change. */
    publishedAt: z.string().meta({
      format: 'date',
      description:
        "The calendar date (`YYYY-MM-DD`) of the explainer's first publication, in any edition: the index's order, which corrections never change.",
    }),
    /** The latest revision (correction) of this edition; the first publication if none. */
    revisedAt: z.string().meta({
      format: 'date',
      description:
        'The calendar date (`YYYY-MM-DD`) of the latest revision (correction) of the edition `lang`; its first publication if it has none.',
    }),
    lang: z
      .string()
      .describe(
        "The edition `title` and `summary` are from: the requested `lang` where the explainer has it, else the explainer's default language.",
      ),
    languages: z.array(LangTag).describe('Every edition the explainer has, as language tags.'),
    url: z.string().meta({
      format: 'uri-reference',
      description: "The edition's JSON, as a path on this API's origin, e.g. `/v1/explainers/putin-baku-2024?lang=ru`.",
    }),
  })
  .describe('One explainer in the index, in the requested edition where it has one.');
export const IndexSchema = z
  .object({
    explainers: z.array(IndexEntrySchema).describe('The entries of this page, ordered by first publication, then id.'),
    /** The cursor of the next page (also in the `Link: <…>; rel="next"` header), or null. */
    next: z
      .string()
      .nullable()
      .describe(
        'The cursor of the next page: pass it as `cursor` (or follow the `Link: <…>; rel="next"` header). Null on the last page.',
      ),
  })
  .describe('One page of the index of explainers (`GET /v1/explainers`).');

/** RFC 9457 problem document. */
export const ProblemSchema = z
  .object({
    type: z.string().meta({
      format: 'uri',
      description:
        'A stable URI identifying the kind of problem, `<origin>/problems/<kind>` (e.g. `…/problems/edition-not-available`), which answers a short page for humans explaining it. Branch on this, not on `title` or `detail`.',
    }),
    title: z
      .string()
      .describe(
        'A short, human-readable summary of the kind of problem, e.g. `Edition not available`; the same for every occurrence of a `type`.',
      ),
    status: z.number().int().describe('The HTTP status code of the response, e.g. 404.'),
    detail: z
      .string()
      .describe('What exactly went wrong with this request, in a sentence for developers (it may quote the request).'),
    instance: z.string().optional().describe('The path of the request that met the problem.'),
    available: z
      .array(LangTag)
      .optional()
      .describe(
        'The editions (language tags) the explainer does have: sent with a 404 for an edition (`lang`) it lacks.',
      ),
  })
  .describe('An RFC 9457 problem document (`application/problem+json`): the one error format of the API.');

/** `GET /healthz`. */
export const HealthSchema = z
  .object({
    status: z.literal('ok').describe('Always `ok`: the Worker answers and can read the catalogue.'),
    explainers: z.number().int().min(0).describe('How many explainers the catalogue holds.'),
    widget: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .describe(
        'The build of the widget served: the first 16 hex digits of the SHA-256 of `/v1/embed.js`, also pinned at `/v1/embed.<widget>.js`.',
      ),
  })
  .describe('Liveness (`GET /healthz`): how many explainers the catalogue holds and which widget build is served.');

/** `GET /oembed` (oembed.com, version 1.0, type rich). */
export const OEmbedSchema = z
  .object({
    version: z.literal('1.0').describe('The oEmbed version, `1.0`.'),
    type: z.literal('rich').describe('`rich`: `html` embeds the explainer.'),
    provider_name: z.string().describe('The name of this service.'),
    provider_url: z.string().meta({ format: 'uri', description: "This service's origin." }),
    title: z.string().describe(`${PLAIN}: the explainer's title.`),
    width: z
      .number()
      .int()
      .min(1)
      .describe("The width of `html`'s iframe in CSS pixels: 700, or the request's `maxwidth` where that is smaller."),
    height: z
      .number()
      .int()
      .min(1)
      .describe(
        "The height of `html`'s iframe in CSS pixels: 900, or the request's `maxheight` where that is smaller.",
      ),
    cache_age: z.number().int().min(0).describe('How long, in seconds, a consumer may cache this response.'),
    html: z
      .string()
      .describe(
        'The HTML to embed: a `<blockquote>` linking to the explainer page (shown until the frame reports its height), then an `<iframe>` of that page.',
      ),
  })
  .describe('An oEmbed 1.0 `rich` response (`GET /oembed`): the explainer page in an iframe.');

/** What each of the widget's strings is for; a key of `en` without one is a type error here. */
const WIDGET_STRINGS: { [K in keyof typeof en]: string } = {
  plural: 'The plural rule the arrays of forms follow: `one-other` (English) or `east-slavic` (Russian).',
  months: 'The twelve month names standing alone ("August 2024"), January first.',
  monthsOf: 'The twelve month names inside a full date ("18 August 2024"), January first; some languages inflect them.',
  dateDay: 'A full date; slots `{d}`, `{month}` (from `monthsOf`), `{y}`.',
  dateMonth: 'A month of a year; slots `{month}` (from `months`), `{y}`.',
  kicker: 'The label above the title.',
  updated:
    'Before the `updatedAt` date ("Updated 19 August 2024"), and before an update\'s date in the Corrections panel.',
  corrected: "Before the latest revision's date and note, once an explainer has been corrected.",
  backgroundAsOf: 'Before the latest `asOf` of the cards: the period the explainer covers.',
  facts: 'The heading of the key facts.',
  allFacts: 'The plural forms of the button that shows every key fact; slot `{n}`.',
  why: 'The heading of why it matters.',
  whyMore: 'The disclosure with the rest of why it matters.',
  background: 'The heading of the background cards.',
  asOf: "Before a card's `asOf` date.",
  timeline: 'The heading of the timeline.',
  sources: 'The heading of the sources.',
  corrections: 'The heading of the corrections.',
  changes: 'In the Corrections panel, before the list of our own corrections and updates, newest first.',
  correctionsTo: "Before the reported article's title, publisher and date.",
  quoted: 'A title quoted in running text; slot `{text}`.',
  source: 'The accessible name of a marker citing one source; slots `{n}`, `{publisher}`, `{date}`.',
  sourcesOf: 'The accessible name of a marker citing a few sources; slot `{list}`.',
  nSources: 'The plural forms of the visible text of a marker citing many sources; slot `{n}`.',
  loading: 'Shown while the explainer loads.',
  failed: 'Shown when the explainer could not be loaded, above the fallback link and the retry button.',
  unavailable: 'Shown when the explainer cannot be shown and there is neither its own page to link to nor a retry.',
  readOnPage: "The fallback link to the explainer's own page.",
  retry: 'The button that tries loading again.',
};

type WidgetStringsShape = {
  [K in keyof typeof en]: (typeof en)[K] extends string[] ? z.ZodArray<z.ZodString> : z.ZodString;
};

/**
 * The widget's words in one language (`GET /v1/strings/{lang}.json`): exactly English's keys
 * (ui/strings/en.ts), generated from them so that the two cannot drift.
 */
export const WidgetStringsSchema = z
  .strictObject(
    Object.fromEntries(
      (Object.keys(en) as (keyof typeof en)[]).map((key) => {
        const value: unknown = en[key];
        const schema = Array.isArray(value)
          ? z.array(z.string().describe('A month name or a plural form, as the key says.'))
          : z.string();
        return [key, schema.describe(WIDGET_STRINGS[key])];
      }),
    ) as WidgetStringsShape,
  )
  .describe(
    "The widget's own words in one language (`GET /v1/strings/{lang}.json`): plain-text strings, `{name}` slots filled by the widget, and arrays of plural forms in the order of the `plural` rule.",
  );

export type ExplainerInput = z.input<typeof ExplainerSchema>;
export type Explainer = z.output<typeof ExplainerSchema>;
export type Source = Explainer['sources'][number];
export type Card = Explainer['background'][number];
export type KeyFact = Explainer['keyFacts'][number];
export type TimelineEvent = Explainer['timeline'][number];
export type Correction = Explainer['corrections'][number];
export type Revision = Explainer['revisions'][number];
export type IndexEntry = z.output<typeof IndexEntrySchema>;
export type ExplainerIndex = z.output<typeof IndexSchema>;
export type Problem = z.output<typeof ProblemSchema>;
export type Health = z.output<typeof HealthSchema>;
export type OEmbed = z.output<typeof OEmbedSchema>;
export type WidgetStrings = z.output<typeof WidgetStringsSchema>;
export type { Inline };
