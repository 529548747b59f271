/**
 * @module The widget's strings in English: plain data (templates with `{name}` slots and
 * plural forms), so other languages can travel as JSON and never ship in embed.js.
 */

export const en = {
  /** Plural rule (ui/strings/fill.ts): `one-other` (English) or `east-slavic` (Russian). */
  plural: 'one-other',
  /** Month names standing alone ("August 2024"). */
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  /** Month names inside a full date ("18 August 2024"); other languages inflect them. */
  monthsOf: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  dateDay: '{d} {month} {y}',
  dateMonth: '{month} {y}',
  kicker: 'Explainer',
  updated: 'Updated',
  /** Before the latest revision's date and note, once an explainer has been corrected. */
  corrected: 'Corrected',
  /** Before the cards' latest "as of" date: the period the explainer covers. */
  backgroundAsOf: 'Background as of',
  facts: 'Key facts',
  allFacts: ['Show all {n} key facts', 'Show all {n} key facts'],
  why: 'Why it matters',
  whyMore: 'More on why it matters',
  background: 'Background',
  asOf: 'As of',
  timeline: 'Timeline',
  sources: 'Sources',
  corrections: 'Corrections',
  /** Before the reported article's title, publisher and date. */
  changes: 'Our corrections and updates, newest first:',
  correctionsTo: 'Corrections to the reported article',
  /** A title quoted in running text. */
  quoted: '“{text}”',
  /** Accessible name of a marker citing one source. */
  source: 'Source {n}: {publisher}, {date}',
  /** Accessible name of a marker citing a few. */
  sourcesOf: 'Sources {list}',
  /** Visible text of a marker citing many; its accessible name adds their numbers. */
  nSources: ['{n} source', '{n} sources'],
  loading: 'Loading the explainer…',
  failed: 'The explainer could not be loaded here.',
  unavailable: 'This explainer is not available.',
  readOnPage: 'Read the explainer on its own page',
  retry: 'Try again',
};

/** One language's strings: the same keys as English, any text. */
export type Strings = { [K in keyof typeof en]: (typeof en)[K] extends string[] ? readonly string[] : string };
