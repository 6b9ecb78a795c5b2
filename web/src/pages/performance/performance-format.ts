import {
  granularities,
  type Granularity,
  type ReportRange,
} from '../../../../src/contracts/performance.ts';
import { formatDay } from '../../i18n/format-date.ts';
import type { Translate } from '../../i18n/locale-context.tsx';

export type { Granularity, ReportRange };

/** The range the address asks for: only what it states (the API fills in the defaults). */
export type RequestedRange = Partial<ReportRange>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** `?from=&to=&granularity=` as far as it is well formed; anything else is left to the API. */
export function requestedRange(query: URLSearchParams): RequestedRange {
  const range: RequestedRange = {};
  const from = query.get('from');
  const to = query.get('to');
  const granularity = query.get('granularity');
  if (from && isoDay.test(from)) range.from = from;
  if (to && isoDay.test(to)) range.to = to;
  if (granularity && (granularities as readonly string[]).includes(granularity))
    range.granularity = granularity as Granularity;
  return range;
}

/** The query string of a range, in a fixed order (`from=…&to=…&granularity=…`), without "?". */
export function rangeSearch(range: RequestedRange): string {
  const query = new URLSearchParams();
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  if (range.granularity) query.set('granularity', range.granularity);
  return query.toString();
}

export const withSearch = (path: string, search: string) => (search ? `${path}?${search}` : path);

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A share 0..1 as a percentage ("72.7%"); null when there was nothing to divide. */
export function formatShare(value: number | null, locale: string): string | null {
  if (value === null) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** The feedback score, −1..1, signed ("+0.33", "−1", "0"). */
export function formatScore(value: number | null, locale: string): string | null {
  if (value === null) return null;
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** A latency in milliseconds, shown in seconds from one second up ("480 ms", "1.2 s"). */
export function formatLatency(ms: number | null, locale: string): string | null {
  if (ms === null) return null;
  const seconds = ms >= 1000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: seconds ? 'second' : 'millisecond',
    unitDisplay: 'short',
    maximumFractionDigits: seconds ? 1 : 0,
  }).format(seconds ? ms / 1000 : ms);
}

const utcDay = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A period by its first day: the day, "Week of 3 Nov 2026", or "November 2026". */
export function formatPeriod(
  period: string,
  granularity: Granularity,
  locale: string,
  t: Translate,
): string {
  if (granularity === 'day') return formatDay(period, locale);
  if (granularity === 'week')
    return t('performance.period.week', { date: formatDay(period, locale) });
  const date = utcDay(period);
  if (Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A chart's axis label for a period: short ("3 Nov", "Nov 26"). */
export function periodTick(period: string, granularity: Granularity, locale: string): string {
  const date = utcDay(period);
  if (Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat(
    locale,
    granularity === 'month'
      ? { month: 'short', year: '2-digit', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', timeZone: 'UTC' },
  ).format(date);
}

/** Names joined the reader's way ("descriptor, edits and guidance"). */
export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
