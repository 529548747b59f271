/**
 * @module The widget's own words (not the explainer's), in one place so that an edition in
 * another language can bring its own dictionary.
 */

export const en = {
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
  /** A date with its month (and day, when known): "18 August 2024", "August 2024". */
  date: (y: number, month: string, d: number) => (d ? `${d} ${month} ${y}` : `${month} ${y}`),
  kicker: 'Explainer',
  updated: 'Updated',
  /** Before the latest "as of" date of the cards: the period the explainer covers. */
  backgroundAsOf: 'Background as of',
  facts: 'Key facts',
  allFacts: (n: number) => `Show all ${n} key facts`,
  why: 'Why it matters',
  whyMore: 'More on why it matters',
  background: 'Background',
  asOf: 'As of',
  timeline: 'Timeline',
  sources: 'Sources',
  corrections: 'Corrections',
  /** Before the reported article's title, publisher and date. */
  correctionsTo: 'Corrections to the reported article',
  /** Accessible name of a marker citing one source. */
  source: (n: number, publisher: string, date: string) => `Source ${n}: ${publisher}, ${date}`,
  /** Accessible name of a marker citing several. */
  sourcesOf: (nums: number[]) => `Sources ${nums.join(', ')}`,
  /** Visible text of a marker citing many; its accessible name adds their numbers. */
  nSources: (n: number) => `${n} sources`,
  loading: 'Loading the explainer…',
  failed: 'The explainer could not be loaded here.',
  unavailable: 'This explainer is not available.',
  readOnPage: 'Read the explainer on its own page',
  retry: 'Try again',
};

export type Strings = typeof en;
