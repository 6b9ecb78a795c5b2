import { releaseStaleness } from '../domain/release-staleness.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { cardTableKinds } from './card-table-kinds.ts';
import { searchedReleases, type SearchedReleaseRow } from './not-in-library.repository.ts';

/** A dataset the card read whose release in force is older than the date of service calls for. */
export interface CardStaleData {
  kind: string;
  title: string;
  release: string | null;
  effectiveFrom: string | null;
  /** The release's publication period and the one the date falls in ("2026 Q1", "2026 Q4"). */
  releasePeriod: string;
  datePeriod: string;
}

/**
 * The card's data older than the date of service: for each dataset a card reads, the newest
 * complete release in force on the date (else the newest partial one), when `releaseStaleness`
 * says the date falls in a later publication period (NCCI by quarter, RVU by year, ICD-10-CM by
 * fiscal year). Datasets without a publication cycle (an organization's tables) are never stale.
 */
export async function staleCardData(
  ctx: LibraryContext,
  dos: string,
  /** How a release is named to the reader (as its citations name it, never by file). */
  nameOf: (release: SearchedReleaseRow) => string,
): Promise<CardStaleData[]> {
  const deciding = new Map<string, SearchedReleaseRow>();
  for (const row of await searchedReleases(ctx, dos, cardTableKinds)) {
    const held = deciding.get(row.dataset_key);
    // Rows come newest first per kind; a complete release outranks a partial one.
    if (!held || (held.partial && !row.partial)) deciding.set(row.dataset_key, row);
  }
  const stale: CardStaleData[] = [];
  for (const row of deciding.values()) {
    const verdict = releaseStaleness({
      kind: row.kind,
      effectiveFrom: row.effective_from,
      label: row.release,
      dos,
    });
    if (!verdict.stale) continue;
    stale.push({
      kind: row.kind,
      title: nameOf(row),
      release: row.release,
      effectiveFrom: row.effective_from,
      releasePeriod: verdict.releasePeriod,
      datePeriod: verdict.datePeriod,
    });
  }
  return stale;
}
