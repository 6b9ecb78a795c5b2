import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import type { CodeCoverage, CoverageMissing, ReportRange } from './performance-types.ts';
import { eventsIn } from './report-range.ts';

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
  const org = ctx.orgId;
  const { rows } = await sql<{
    code: string;
    asked: number;
    descriptor: boolean;
    edits: boolean;
    guidance: boolean;
  }>`
    with asked as (
      select c.code, count(*) as asked
      from events, jsonb_array_elements_text(events.data -> 'codes') as c (code)
      where ${eventsIn(ctx, 'question', range)}
      group by c.code
    ),
    known as (
      select code, asked,
        exists (select 1 from code_descriptors d where d.org_id = ${org} and d.code = a.code)
          as descriptor,
        exists (select 1 from ptp_edits p where p.org_id = ${org} and p.column1 = a.code)
          or exists (select 1 from ptp_edits p where p.org_id = ${org} and p.column2 = a.code)
          or exists (select 1 from mue_edits m where m.org_id = ${org} and m.code = a.code)
          as edits,
        exists (select 1 from code_mentions m where m.org_id = ${org} and m.code = a.code)
          as guidance
      from asked a
    )
    select * from known where not (descriptor and edits and guidance)
    order by asked desc, code
    limit ${TOP}`.execute(ctx.db);
  return rows.map((row) => {
    const missing: CoverageMissing[] = [];
    if (!row.descriptor) missing.push('descriptor');
    if (!row.edits) missing.push('edits');
    if (!row.guidance) missing.push('guidance');
    return { code: row.code, asked: Number(row.asked), missing };
  });
}
