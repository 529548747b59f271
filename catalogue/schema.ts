/**
 * @module The one schema for explainer content.
 *
 * It is the single source of truth three times over: the content build validates every file
 * with it, the TypeScript types are inferred from it (`z.input` is what editors write,
 * `z.output` is what the API serves), and the OpenAPI description is generated from it.
 * The widget imports only its types.
 */
import { z } from 'zod';
import { parseInline, inlineText, isHttpsUrl, type Inline } from './inline.ts';
import { proseFields, type Path } from './prose.ts';
import { SLUG, LANG } from './patterns.ts';

export { SLUG, LANG };

const Slug = z.string().regex(SLUG, 'must be a lowercase slug (a-z, 0-9, hyphens)');
/** A calendar date, or a month or year where the source shows no day. */
const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const IsoDate = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });
const HttpsUrl = z.string().refine(isHttpsUrl, 'must be an absolute https: URL');
const SourceIds = z.array(Slug).min(1, 'must cite at least one source id');

const InlineSchema: z.ZodType<Inline, Inline> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('em'), text: z.string() }),
  z.object({ type: z.literal('link'), text: z.string(), href: z.string() }),
  z.object({ type: z.literal('cite'), source: z.string() }),
]);

const Runs = z.array(InlineSchema);

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
    .pipe(z.object({ text: z.string(), runs: Runs }));

type Rich = { text: string; runs: Inline[] };

/** Items whose `text` is authored with markup are served flat: plain `text` beside its `runs`. */
function flatten<T extends { text: Rich }>({ text, ...rest }: T): Omit<T, 'text'> & Rich {
  return { ...rest, text: text.text, runs: text.runs };
}

const PlainText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const SourceSchema = z.strictObject({
  id: Slug,
  title: PlainText(200),
  publisher: PlainText(100),
  url: HttpsUrl,
  date: PartialDate,
  /** Why `date` is not a publication date, where the page shows none (e.g. "date of the event"). */
  dateNote: PlainText(120).optional(),
  /** The language of the source's title and page, where it is not the edition's (WCAG 3.1.2). */
  lang: z.string().regex(LANG, 'must be a language tag such as "ru"').optional(),
});

export const KeyFactSchema = z
  .strictObject({ text: RichText(280), sources: SourceIds })
  .transform(flatten)
  .pipe(z.object({ text: z.string(), runs: Runs, sources: z.array(z.string()) }));

export const CardSchema = z.strictObject({
  id: Slug,
  title: PlainText(80),
  summary: PlainText(180),
  /** The date the card's facts are valid for ("as of …"). */
  asOf: IsoDate,
  body: z.array(RichText(700)).min(1, 'must have at least one paragraph'),
  sources: SourceIds,
});

export const TimelineEventSchema = z
  .strictObject({ date: PartialDate, text: RichText(280), sources: SourceIds })
  .transform(flatten)
  .pipe(z.object({ date: z.string(), text: z.string(), runs: Runs, sources: z.array(z.string()) }));

export const CorrectionSchema = z
  .strictObject({ text: RichText(400), sources: z.array(Slug) })
  .transform(flatten)
  .pipe(z.object({ text: z.string(), runs: Runs, sources: z.array(z.string()) }));

/** One entry of the revision log: when, and what changed, in a sentence. */
export const RevisionSchema = z.strictObject({
  date: IsoDate,
  note: PlainText(240),
});

export const ArticleSchema = z.strictObject({
  /** Our description of the reported article (not a quoted headline unless it is one). */
  title: PlainText(200),
  publisher: PlainText(100),
  /** The day the article was written or published. */
  date: IsoDate,
  /** What readers should know about `date`, e.g. that the article itself carries none. */
  dateNote: PlainText(160).optional(),
});

const ExplainerShape = z.strictObject({
  id: Slug,
  lang: z.string().regex(LANG, 'must be a language tag such as "en" or "pt-BR"'),
  title: PlainText(120),
  summary: PlainText(240),
  updatedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2024-08-19T12:00:00Z' }),
  article: ArticleSchema,
  keyFacts: z.array(KeyFactSchema).min(3, 'must have at least 3 key facts').max(8, 'must have at most 8 key facts'),
  whyItMatters: z.strictObject({ body: z.array(RichText(700)).min(1), sources: SourceIds }),
  background: z.array(CardSchema).min(1, 'must have at least one card'),
  timeline: z.array(TimelineEventSchema).min(1, 'must have at least one event'),
  sources: z.array(SourceSchema).min(1, 'must list at least one source'),
  corrections: z.array(CorrectionSchema),
  /**
   * The revision log, oldest first: the first entry is the first publication, every later one
   * a correction or update readers are told about. Publishing changed text needs a new entry.
   */
  revisions: z.array(RevisionSchema).min(1, 'must have at least one entry: the first publication'),
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
          message: `is later than updatedAt (${reviewed})`,
        });
    });
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
);

/** One entry of the index (`GET /v1/explainers`). */
export const IndexEntrySchema = z.object({
  id: Slug,
  title: z.string(),
  summary: z.string(),
  updatedAt: z.string(),
  /** First publication: the index's order, which corrections never change. */
  publishedAt: z.string(),
  /** The latest revision (correction) of this edition; the first publication if none. */
  revisedAt: z.string(),
  lang: z.string(),
  languages: z.array(z.string()),
  url: z.string(),
});
export const IndexSchema = z.object({
  explainers: z.array(IndexEntrySchema),
  /** The cursor of the next page (also in the `Link: <…>; rel="next"` header), or null. */
  next: z.string().nullable(),
});

/** RFC 9457 problem document. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
});

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
export type { Inline };
