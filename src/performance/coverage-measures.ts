import type { LibraryContext } from '../library/library-context.ts';
import type { CodeCoverage, CoverageMissing, ReportRange } from './performance-types.ts';
import { askedCodesNotCovered } from './event-measures.repository.ts';

const TOP = 50;

/**
 * Codes people asked about in the range that the library cannot fully answer for: no
 * descriptor (in any code table), no NCCI PTP or MUE edit, or no passage that mentions them.
 * Each check is an indexed lookup by (org_id, code).
 */
export async function coverageMeasures(
  ctx: LibraryContext,
  range: ReportRange,
): Promise<CodeCoverage[]> {
  const rows = await askedCodesNotCovered(ctx, range, TOP);
  return rows.map((row) => {
    const missing: CoverageMissing[] = [];
    if (!row.descriptor) missing.push('descriptor');
    if (!row.edits) missing.push('edits');
    if (!row.guidance) missing.push('guidance');
    return { code: row.code, asked: Number(row.asked), missing };
  });
}
