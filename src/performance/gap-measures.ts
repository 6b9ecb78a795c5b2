import type { LibraryContext } from '../library/library-context.ts';
import type { LibraryGap, ReportRange } from './performance-types.ts';
import { gapsByKey } from './library-measures.repository.ts';

const TOP = 50;

/**
 * Refused questions in the range (library_gaps), grouped by each code they named, or by each
 * of their words when they named none: what the library should cover next, most asked first.
 * A question naming two codes counts for both.
 */
export async function gapMeasures(ctx: LibraryContext, range: ReportRange): Promise<LibraryGap[]> {
  const rows = await gapsByKey(ctx, range, TOP);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
