import { dayOf } from './day.ts';
import { resolveOnDay, type HeldRow } from './release-precedence.ts';
import { releaseStaleness, type DatasetOnDay, type DatasetRelease } from './release-staleness.ts';

/** A release's row for one code: its period, its billable flag, and the release it came from. */
export interface HeldCodeRow<T> extends HeldRow<T> {
  /** ICD-10-CM order file: false for a header. Null where the table does not say. */
  billable: boolean | null;
  release: DatasetRelease;
}

export interface CodeValidityInput<T> {
  /** The code's rows in every release of the dataset that decides validity (never Tabular rows). */
  held: readonly HeldCodeRow<T>[];
  /** Date of service, ISO. */
  dos: string;
  /** What the dataset's releases say about the date (see `datasetOnDay`). */
  dataset: DatasetOnDay;
  /** The billable codes under a header in the same release (M54.5 -> M54.50, M54.51, M54.59). */
  codesUnder?: (held: HeldCodeRow<T>) => readonly string[];
}

/** What the library says about one code on one date of service. */
export type CodeValidity<T> =
  /** In force and billable (or a table that does not mark billability); `stale` when its release is old for the date. */
  | { kind: 'valid'; held: HeldCodeRow<T>; stale: DatasetRelease | null }
  /** A header (category) in the release in force: report a code under it. */
  | { kind: 'not-billable'; held: HeldCodeRow<T>; replacements: string[] }
  /** A release states the code ended (terminated, deleted) before the date. */
  | { kind: 'ended'; held: HeldCodeRow<T> }
  /** The code starts after the date: a release states so, or only later releases list it. */
  | { kind: 'not-yet'; held: HeldCodeRow<T> }
  /** A release of the dataset is in force and does not list the code; `lastSeen` is the newest release that did. */
  | { kind: 'not-in-library'; lastSeen: HeldCodeRow<T> | null }
  /** The library holds no release of the dataset for the date, and no row's own dates cover it. */
  | { kind: 'no-release-for-date' }
  /** Not listed, but the release in force is older than the date calls for: cannot tell. */
  | { kind: 'stale-unknown'; release: DatasetRelease; lastSeen: HeldCodeRow<T> | null };

/**
 * The one verdict on a code for a date, shared by the claim check, code lookup, the card and
 * Ask. Which release speaks is `resolveOnDay`'s precedence: a row's own stated dates are trusted,
 * the newest release covering the day wins, a newer stated end outranks older open rows.
 * Billability comes only from that row (the order file in force for the date).
 */
export function codeValidity<T>(input: CodeValidityInput<T>): CodeValidity<T> {
  const { held, dos, dataset } = input;
  const resolution = resolveOnDay(held, dayOf(dos));
  switch (resolution.kind) {
    case 'in-force': {
      const row = resolution.held as HeldCodeRow<T>;
      if (row.billable === false) {
        return {
          kind: 'not-billable',
          held: row,
          replacements: [...(input.codesUnder?.(row) ?? [])],
        };
      }
      const staleness = releaseStaleness({ ...row.release, dos });
      return { kind: 'valid', held: row, stale: staleness.stale ? row.release : null };
    }
    case 'ended':
      return { kind: 'ended', held: resolution.held as HeldCodeRow<T> };
    case 'not-yet':
      return { kind: 'not-yet', held: resolution.held as HeldCodeRow<T> };
    case 'none': {
      if (!dataset.inForce) return { kind: 'no-release-for-date' };
      // Not in the release in force, but a later release lists it (M54.50 on a FY2021 date).
      const firstLater = oldestStartingAfter(held, dayOf(dos));
      if (firstLater) return { kind: 'not-yet', held: firstLater };
      const lastSeen = newestEndedBefore(held, dayOf(dos));
      if (dataset.stale) return { kind: 'stale-unknown', release: dataset.stale, lastSeen };
      return { kind: 'not-in-library', lastSeen };
    }
  }
}

function newestEndedBefore<T>(held: readonly HeldCodeRow<T>[], day: number): HeldCodeRow<T> | null {
  let best: HeldCodeRow<T> | null = null;
  for (const row of held) {
    if (row.period.until <= day && (best === null || row.rank > best.rank)) best = row;
  }
  return best;
}

function oldestStartingAfter<T>(
  held: readonly HeldCodeRow<T>[],
  day: number,
): HeldCodeRow<T> | null {
  let best: HeldCodeRow<T> | null = null;
  for (const row of held) {
    if (row.period.from > day && (best === null || row.period.from < best.period.from)) best = row;
  }
  return best;
}
