import type { LibraryContext } from '../library/library-context.ts';
import type { LibraryGap, ReportRange } from './performance-types.ts';
import { gapsByKey } from './library-measures.repository.ts';

const TOP = 50;

/**
 * Refused questions in the range (library_gaps): what the library should cover next, most asked
 * first. One refused question is one row, keyed by the codes it named, or by its words when it
 * named none (it used to be a row per word: "What is the Whipple procedure?" made several).
 */
export async function gapMeasures(ctx: LibraryContext, range: ReportRange): Promise<LibraryGap[]> {
  const rows = await gapsByKey(ctx, range, TOP);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
