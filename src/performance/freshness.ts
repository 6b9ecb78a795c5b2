import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import type { StaleDataset } from './performance-types.ts';
import { quarterStart } from './report-range.ts';

/** CMS publishes the NCCI PTP and MUE files every quarter, effective on its first day. */
const quarterlyKinds = new Set(['ncci-ptp', 'ncci-mue']);

/**
 * Datasets whose newest version is out of date on `today`: an NCCI release effective before the
 * current quarter began (a newer one exists at CMS), or any other dataset whose period has ended.
 */
export async function staleDatasets(ctx: LibraryContext, today: string): Promise<StaleDataset[]> {
  const { rows } = await sql<{
    id: number;
    title: string;
    kind: string;
    effective_from: string | null;
    effective_to: string | null;
  }>`
    select distinct on (dataset_key) id, title, kind, effective_from, effective_to
    from documents where org_id = ${ctx.orgId}
    order by dataset_key, effective_from desc nulls last, id desc`.execute(ctx.db);
  const quarter = quarterStart(today);
  const stale: StaleDataset[] = [];
  for (const row of rows) {
    const base = {
      documentId: row.id,
      title: row.title,
      kind: row.kind,
      effectiveFrom: row.effective_from,
      effectiveTo: row.effective_to,
    };
    if (quarterlyKinds.has(row.kind)) {
      if (row.effective_from !== null && row.effective_from < quarter)
        stale.push({ ...base, reason: 'older-than-current-quarter' });
    } else if (row.effective_to !== null && row.effective_to < today) {
      stale.push({ ...base, reason: 'effective-period-ended' });
    }
  }
  return stale.sort((a, b) => a.title.localeCompare(b.title));
}
