import type { DateRange } from './row-period.ts';

/**
 * A row's stated dates as stored: never an end before the start. A row that states an end before
 * its start (a code terminated before it took effect, a retroactive deletion) ended; the stated
 * end is the fact that outranks older releases, so it is kept and the contradictory start is
 * dropped (parsers keep the raw dates in the row's attributes where the table has them). Such a
 * row then takes its start from its release and is in force on no day after its end.
 */
export function storedPeriod(from: string | null, to: string | null): DateRange {
  if (from !== null && to !== null && to < from) return { from: null, to };
  return { from, to };
}
