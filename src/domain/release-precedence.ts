import { periodCovers, type RowPeriod } from './row-period.ts';

/** One release's row for a key (a code, an ordered code pair), with that release's rank. */
export interface HeldRow<T> {
  row: T;
  period: RowPeriod;
  /** Higher is newer: releases ordered by effective date, then by import. */
  rank: number;
}

/** What the releases a library holds say about one key on one day. */
export type RowResolution<T> =
  /** The newest release whose row covers the day. */
  | { kind: 'in-force'; held: HeldRow<T> }
  /** A newer release states that the row ended (terminated, deleted) before the day. */
  | { kind: 'ended'; held: HeldRow<T> }
  /** A newer release states that the row starts after the day. */
  | { kind: 'not-yet'; held: HeldRow<T> }
  /** No release holds the key for the day. */
  | { kind: 'none' };

/**
 * Decides which release speaks for a key on a day. Releases are read newest first: the first
 * whose row covers the day wins; a row whose own stated dates exclude the day settles it (a
 * newer release saying "terminated 2024-12-31" outranks an older release that still listed the
 * code as open); a row excluded only by its release's period (no dates of its own) defers to
 * older releases, which may cover that day.
 */
export function resolveOnDay<T>(held: readonly HeldRow<T>[], day: number): RowResolution<T> {
  // Most keys are held by one release: no copy, no sort.
  const newestFirst = held.length === 1 ? held : [...held].sort((a, b) => b.rank - a.rank);
  for (const candidate of newestFirst) {
    const { period } = candidate;
    if (periodCovers(period, day)) return { kind: 'in-force', held: candidate };
    if (period.endStated && day >= period.until) return { kind: 'ended', held: candidate };
    if (period.startStated && day < period.from) return { kind: 'not-yet', held: candidate };
  }
  return { kind: 'none' };
}
