/**
 * @module Date formatting shared by the widget and the server renderer.
 */

/**
 * Formats `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time for readers, in UTC so that a
 * date never shifts by a day with the reader's time zone.
 *
 * @example
 * formatDate('2024-08-18', 'en') // → "August 18, 2024"
 * formatDate('2024-08', 'en-GB', 'short') // → "Aug 2024"
 */
export function formatDate(value: string, lang: string, month: 'long' | 'short' = 'long'): string {
  const [y = 1970, m, d] = value.slice(0, 10).split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m) options.month = month;
  if (d) options.day = 'numeric';
  try {
    return new Intl.DateTimeFormat(lang, options).format(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  } catch {
    // An unknown language tag must not blank the widget: fall back to the ISO text.
    return value.slice(0, 10);
  }
}
