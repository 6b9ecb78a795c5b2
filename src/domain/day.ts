/**
 * Dates of service and row dates as day numbers (days since 1970-01-01, UTC), so periods compare
 * as integers. ISO strings ("2026-11-02") are the only date form used across the project.
 */
export const NEVER_BEFORE = -2_147_483_648;
export const NEVER_AFTER = 2_147_483_647;

const dayCache = new Map<string, number>();
const DAY_CACHE_LIMIT = 50_000;

/**
 * Claims and answers repeat a few dates many times and every rule asks for each line's day, so
 * parsed dates are remembered (Date.parse was the claim check's top cost).
 */
export function dayOf(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    dayCache.set(iso, day);
  }
  return day;
}

export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Dates are ISO `YYYY-MM-DD` strings; null where used means "not stated in the source". */
export type IsoDate = string;
