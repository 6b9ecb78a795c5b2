import { releaseStaleness } from '../domain/release-staleness.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { newestDatasetVersions } from './library-measures.repository.ts';
import type { StaleDataset } from './performance-types.ts';

const ncciKinds = new Set(['ncci-ptp', 'ncci-mue']);

/**
 * Datasets whose newest version is out of date on `today`: one published on a cycle (NCCI and
 * HCPCS quarterly files, the HCPCS annual file, ICD-10-CM fiscal years, the MPFS RVU year) whose
 * release is older than today's period calls for (`releaseStaleness`, the rule code validity
 * uses), or any other dataset whose period has ended.
 */
export async function staleDatasets(ctx: LibraryContext, today: string): Promise<StaleDataset[]> {
  const rows = await newestDatasetVersions(ctx);
  const stale: StaleDataset[] = [];
  for (const row of rows) {
    const base = {
      documentId: row.id,
      title: row.title,
      kind: row.kind,
      effectiveFrom: row.effective_from,
      effectiveTo: row.effective_to,
    };
    const staleness = releaseStaleness({
      kind: row.kind,
      effectiveFrom: row.effective_from,
      label: row.release,
      dos: today,
    });
    if (staleness.stale) {
      stale.push(
        ncciKinds.has(row.kind)
          ? { ...base, reason: 'older-than-current-quarter' }
          : {
              ...base,
              reason: 'older-than-current-release',
              releasePeriod: staleness.releasePeriod,
              currentPeriod: staleness.datePeriod,
            },
      );
    } else if (row.effective_to !== null && row.effective_to < today) {
      stale.push({ ...base, reason: 'effective-period-ended' });
    }
  }
  return stale.sort((a, b) => a.title.localeCompare(b.title));
}
