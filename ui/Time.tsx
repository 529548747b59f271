import type { Ctx } from './context.ts';
import { formatDate } from './format.ts';

/** A date as the edition writes it, machine-readable in `datetime`. */
export function Time({ date, c }: { date: string; c: Ctx }) {
  return <time dateTime={date}>{formatDate(date, c.t)}</time>;
}
