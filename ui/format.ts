/**
 * @module Date formatting shared by the widget and the server renderer.
 *
 * Dates are spelled from the edition's own words (ui/strings/), not with `Intl`: the first
 * `Intl.DateTimeFormat` a page builds costs ~15 ms of main thread (~60 ms on a slow phone) to
 * load its locale data, which the host page would pay for a dozen month names.
 */
import type { Strings } from './strings/en.ts';
import { fill } from './strings/fill.ts';

/**
 * Formats `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time as the edition writes dates.
 * The calendar date is read from the text, so it never shifts with the reader's time zone.
 *
 * @example
 * formatDate('2024-08-18', en) // → "18 August 2024"
 * formatDate('2024-08', ru) // → "август 2024 г."
 */
export function formatDate(value: string, t: Strings): string {
  const [y = 0, m = 0, d = 0] = value.slice(0, 10).split('-').map(Number);
  if (!m) return String(y);
  return d
    ? fill(t.dateDay, { d, month: t.monthsOf[m - 1] ?? '', y })
    : fill(t.dateMonth, { month: t.months[m - 1] ?? '', y });
}
