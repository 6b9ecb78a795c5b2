import { CodecardError } from '../errors/codecard-error.ts';
import { isoDateOption } from '../library/import-options.ts';
import { granularities, type Granularity, type ReportRange } from './performance-types.ts';

export interface RangeQuery {
  from?: string | undefined;
  to?: string | undefined;
  granularity?: string | undefined;
}

const DEFAULT_DAYS = 30;
const MAX_YEARS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The range a report covers: default the last 30 days (today included), by day. Longer than two
 * years is refused: a daily series of it would be hundreds of points nobody reads, and the
 * events are kept 400 days by default anyway.
 */
export function resolveRange(query: RangeQuery, today: string): ReportRange {
  const granularity = query.granularity ?? 'day';
  if (!granularities.includes(granularity as Granularity))
    throw new CodecardError('BAD_INPUT', {
      detail: `granularity must be one of ${granularities.join(', ')}`,
    });
  const to = isoDateOption(query.to, 'to') ?? today;
  const from = isoDateOption(query.from, 'from') ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to)
    throw new CodecardError('BAD_INPUT', { detail: `from (${from}) is after to (${to})` });
  if (to > addYears(from, MAX_YEARS))
    throw new CodecardError('BAD_INPUT', {
      detail: `the range ${from} to ${to} is longer than ${MAX_YEARS} years`,
    });
  return { from, to, granularity: granularity as Granularity };
}

/** The first day of every period that overlaps the range, as date_trunc gives them (UTC). */
export function periodStarts(range: ReportRange): string[] {
  const starts: string[] = [];
  for (let start = truncate(range.from, range.granularity); start <= range.to;) {
    starts.push(start);
    start =
      range.granularity === 'day'
        ? addDays(start, 1)
        : range.granularity === 'week'
          ? addDays(start, 7)
          : addMonths(start, 1);
  }
  return starts;
}

/** A period's first day: the day, its ISO week's Monday, or the month's first day. */
export function truncate(day: string, granularity: Granularity): string {
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  if (granularity === 'day') return day;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The first day of the quarter a day is in (NCCI files are released quarterly). */
export function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** The same day `years` later (29 February becomes 1 March). */
function addYears(day: string, years: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/** A share 0..1 to four places; null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
