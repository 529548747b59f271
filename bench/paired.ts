// Paired comparisons for the browser bench: per-round differences (with − without), their median,
// range and a distribution-free confidence interval of the median, and a budget's verdict.
//
// The interval comes from order statistics (the sign test): with n paired differences, the k-th
// smallest and k-th largest bound the median with probability 1 − 2·P(Binomial(n, ½) < k). For
// 16 rounds that is the 4th and 13th of 16 (97.9 %), about the interquartile range: a budget is
// "resolved" when that whole interval lies on one side of it. Fewer than 6 rounds give no such
// interval at the 95 % level, so nothing they show is resolved.

/** The middle value; the mean of the two middle ones for an even count; null when there is none. */
export function median(xs: readonly (number | null)[]): number | null {
  const v = finite(xs);
  const mid = Math.floor(v.length / 2);
  const [below, at] = [v[mid - 1], v[mid]];
  if (at === undefined) return null;
  return v.length % 2 || below === undefined ? at : (below + at) / 2;
}

/** The finite numbers among `xs`, sorted ascending. */
function finite(xs: readonly (number | null)[]): number[] {
  return xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
}

/** P(X ≤ k) for X ~ Binomial(n, ½). */
function binomialCdf(n: number, k: number): number {
  let term = 0.5 ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

export interface Paired {
  /** Rounds with both values. */
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** The confidence interval of the median, when `n` allows one at `level`. */
  ci: { lo: number; hi: number; coverage: number } | null;
}

/** Summary of paired differences at (at least) `level` confidence. */
export function paired(diffs: readonly (number | null)[], level = 0.95): Paired {
  const v = finite(diffs);
  const n = v.length;
  // The largest k (1-based) whose interval [v(k), v(n−k+1)] still covers the median with ≥ level.
  let k = 0;
  while (k + 1 <= n / 2 && 1 - 2 * binomialCdf(n, k) >= level) k++;
  const ci = k > 0 ? { lo: v[k - 1]!, hi: v[n - k]!, coverage: 1 - 2 * binomialCdf(n, k - 1) } : null;
  return { n, median: median(v), min: v[0] ?? null, max: v[n - 1] ?? null, ci };
}

export type Outcome = 'PASS' | 'MISS' | 'NOT JUDGED';

export interface Verdict {
  outcome: Outcome;
  /** The interval lies wholly within (PASS) or wholly beyond (MISS) the budget. */
  resolved: boolean;
  /** One line saying so, numbers included. */
  text: string;
}

/**
 * Judges `p` against "at most `limit`" on its median; `judged` false (a smoke run) reports the
 * numbers without a verdict.
 */
export function verdict(p: Paired, limit: number, unit: string, judged: boolean, digits = 1): Verdict {
  const f = (x: number | null) => signed(x, digits, unit);
  const numbers =
    `median ${f(p.median)}` +
    (p.ci ? `, ${(p.ci.coverage * 100).toFixed(1)} % CI of the median ${f(p.ci.lo)} … ${f(p.ci.hi)}` : ', no CI') +
    `, range ${f(p.min)} … ${f(p.max)}, ${p.n} rounds`;
  if (!judged || p.median === null) return { outcome: 'NOT JUDGED', resolved: false, text: `not judged (${numbers})` };
  const pass = p.median <= limit;
  const resolved = p.ci !== null && (pass ? p.ci.hi <= limit : p.ci.lo > limit);
  const how = resolved
    ? `resolved: the whole interval is ${pass ? 'within' : 'over'} it`
    : `not resolved: the interval ${p.ci ? `reaches ${f(pass ? p.ci.hi : p.ci.lo)}` : 'is missing'}`;
  return { outcome: pass ? 'PASS' : 'MISS', resolved, text: `${pass ? 'PASS' : 'BUDGET MISS'} (${how}; ${numbers})` };
}

/** `+12.3 ms`, `−4.0 ms`, `—`. */
export function signed(x: number | null, digits: number, unit = ''): string {
  if (x === null) return '—';
  const s = Math.abs(x).toFixed(digits);
  const sign = Number(s) === 0 ? '±' : x > 0 ? '+' : '−';
  return `${sign}${s}${unit ? ` ${unit}` : ''}`;
}
