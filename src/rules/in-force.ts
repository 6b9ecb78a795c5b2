import { dayOf } from '../domain/day.ts';
import { NEVER_AFTER, NEVER_BEFORE } from '../domain/day.ts';

/** Days a fact is in force: `from` inclusive, `until` exclusive (day numbers since 1970). */
export interface InForce {
  from: number;
  until: number;
}

const startDay = (iso: string | null) => (iso ? dayOf(iso) : NEVER_BEFORE);
const endDay = (iso: string | null) => (iso ? dayOf(iso) + 1 : NEVER_AFTER);

/**
 * A row's days in force: its document version's period, narrowed by the row's own dates when
 * it has them (a descriptor's end date, an edit's deletion date). `rowTo` is inclusive, as the
 * files state end dates.
 */
export function inForce(
  documentFrom: string | null,
  documentTo: string | null,
  rowFrom: string | null = null,
  rowTo: string | null = null,
): InForce {
  return {
    from: Math.max(startDay(documentFrom), startDay(rowFrom)),
    until: Math.min(endDay(documentTo), endDay(rowTo)),
  };
}

export function coversDay(period: InForce, day: number): boolean {
  return day >= period.from && day < period.until;
}
