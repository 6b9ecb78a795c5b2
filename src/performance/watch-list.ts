import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import {
  watchedCodeOf,
  type WatchedCodeShape,
  type WatchedSystem,
} from '../domain/watched-code.ts';
import {
  deleteWatchedCode,
  findCodesSeenInChecks,
  insertWatchedCode,
  listWatchedCodes,
} from './watch-list.repository.ts';

/** Where a watched code comes from: the organization chose it, or its checks saw it. */
export type WatchSource = 'chosen' | 'checks';

export interface WatchedCode {
  code: string;
  system: WatchedSystem;
  sources: WatchSource[];
  /** Set for a chosen code: who added it (null once that account is gone) and when. */
  addedBy?: string | null;
  addedAt?: string;
}

export interface WatchListOptions {
  /** Only codes seen by checks in the last `days` days (all recorded checks without it). */
  days?: number;
  now?: Date;
}

const DAY_MS = 86_400_000;

/**
 * The organization's watch list: the codes it chose ∪ the procedure codes its checks have
 * seen, each marked with where it came from, in code order. The changes of each release are
 * shown for these codes.
 */
export async function watchList(
  ctx: LibraryContext,
  options: WatchListOptions = {},
): Promise<WatchedCode[]> {
  // Events are queued; a check that just ended must count.
  await ctx.events.flush();
  const since =
    options.days === undefined
      ? null
      : new Date((options.now ?? new Date()).getTime() - options.days * DAY_MS);
  const [chosen, seen] = await Promise.all([
    listWatchedCodes(ctx),
    findCodesSeenInChecks(ctx, since),
  ]);
  const byCode = new Map<string, WatchedCode>();
  for (const row of chosen) {
    byCode.set(row.code, {
      code: row.code,
      system: row.system,
      sources: ['chosen'],
      addedBy: row.addedBy,
      addedAt: new Date(row.addedAt).toISOString(),
    });
  }
  for (const code of seen) {
    const listed = byCode.get(code);
    if (listed) listed.sources.push('checks');
    else {
      const shape = watchedCodeOf(code);
      if (shape)
        byCode.set(shape.code, { code: shape.code, system: shape.system, sources: ['checks'] });
    }
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The codes as stored, or BAD_INPUT naming the first that is no CPT, HCPCS or ICD-10-CM code. */
export function parseWatchedCodes(raw: readonly string[]): WatchedCodeShape[] {
  return raw.map((text) => {
    const shape = watchedCodeOf(text);
    if (!shape) {
      throw new CodecardError('BAD_INPUT', {
        detail: `"${text.trim()}" is not a CPT, HCPCS or ICD-10-CM code`,
      });
    }
    return shape;
  });
}

export interface WatchChange {
  /** Codes whose row was added or removed. */
  changed: string[];
  /** Codes already watched (add) or not watched (remove): nothing to do. */
  unchanged: string[];
}

/** Adds chosen codes (all checked first, so a bad one adds none). */
export async function addWatchedCodes(
  ctx: LibraryContext,
  raw: readonly string[],
  addedBy: string | null,
): Promise<WatchChange> {
  const outcome: WatchChange = { changed: [], unchanged: [] };
  for (const shape of parseWatchedCodes(raw)) {
    const added = await insertWatchedCode(ctx, shape, addedBy);
    (added ? outcome.changed : outcome.unchanged).push(shape.code);
  }
  return outcome;
}

/** Removes chosen codes; codes seen in checks stay on the list while their events last. */
export async function removeWatchedCodes(
  ctx: LibraryContext,
  raw: readonly string[],
): Promise<WatchChange> {
  const outcome: WatchChange = { changed: [], unchanged: [] };
  for (const shape of parseWatchedCodes(raw)) {
    const removed = await deleteWatchedCode(ctx, shape.code);
    (removed ? outcome.changed : outcome.unchanged).push(shape.code);
  }
  return outcome;
}
