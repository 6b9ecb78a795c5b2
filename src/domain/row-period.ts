import { dayOf, NEVER_AFTER, NEVER_BEFORE } from './day.ts';

/**
 * The days one row of an official table is in force: `from` inclusive, `until` exclusive.
 * `startStated` / `endStated` say whether the row itself gave the bound (an NCCI effective or
 * deletion date, a HCPCS add or termination date) or it was taken from its release's period.
 * A stated date is a fact about history and is trusted for any date, also before the release's
 * own effective date; a bound from the release only says what that release covers.
 */
export interface RowPeriod {
  from: number;
  until: number;
  startStated: boolean;
  endStated: boolean;
}

/** ISO dates, inclusive at both ends as the files state them; null where not given. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/**
 * The row's own dates where it has them, its release's period where it does not. A row whose
 * stated end falls before its start (a retroactive deletion) is in force on no day.
 */
export function rowPeriod(release: DateRange, row: DateRange): RowPeriod {
  const startStated = row.from !== null;
  const endStated = row.to !== null;
  const startIso = row.from ?? release.from;
  const endIso = row.to ?? release.to;
  const from = startIso === null ? NEVER_BEFORE : dayOf(startIso);
  const until = endIso === null ? NEVER_AFTER : dayOf(endIso) + 1;
  return { from, until: Math.max(from, until), startStated, endStated };
}

export function periodCovers(period: { from: number; until: number }, day: number): boolean {
  return day >= period.from && day < period.until;
}
