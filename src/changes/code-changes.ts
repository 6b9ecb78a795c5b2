import type { LibraryContext } from '../library/library-context.ts';
import type { Release, ReleaseDiff } from './change-types.ts';
import { findExcerptHoldings } from './excerpt-holdings.repository.ts';
import { diffReleasePair, listReleases } from './release-diff.ts';
import { currentAndPrevious } from './release-sequence.ts';

/** The datasets a code's card reads, by the code's system (their releases' kinds). */
export function datasetKindsFor(system: string): string[] {
  switch (system) {
    case 'hcpcs':
      return ['hcpcs', 'ncci-ptp', 'ncci-mue', 'mpfs-rvu'];
    case 'cpt':
      return ['ncci-ptp', 'ncci-mue', 'mpfs-rvu'];
    case 'modifier':
      return ['hcpcs'];
    case 'icd10cm':
      return ['icd10cm-order'];
    default:
      return [];
  }
}

export interface CodeChangeQuery {
  system: string;
  code: string;
  /** Date of service: the releases in force on it and their predecessors. */
  dos: string;
  /** NCCI setting; other settings' PTP and MUE tables are not the card's. */
  setting: string;
}

/**
 * "Changed in <release>" for one code: for each dataset the code's card reads, what changed for
 * the code between the release in force on the date (one that speaks for the code: a complete
 * release, or an excerpt holding it) and its predecessor. Datasets where nothing changed for
 * the code are left out.
 */
export async function changesForCode(
  ctx: LibraryContext,
  query: CodeChangeQuery,
): Promise<ReleaseDiff[]> {
  const kinds = datasetKindsFor(query.system);
  const releases = (await listReleases(ctx)).filter(
    (r) => kinds.includes(r.kind) && settingMatches(r, query.setting),
  );
  const excerpts = releases.filter((r) => r.partial).map((r) => r.documentId);
  const holdings = await findExcerptHoldings(ctx.db, ctx.orgId, excerpts, [query.code]);
  const holding = new Set(holdings.map((h) => h.document_id));
  const speaksFor = (r: Release) => !r.partial || holding.has(r.documentId);
  const diffs: ReleaseDiff[] = [];
  for (const dataset of groupByDataset(releases).values()) {
    const pair = currentAndPrevious(dataset, query.dos, speaksFor);
    if (pair === null) continue;
    const diff = await diffReleasePair(ctx, pair.previous, pair.current, [query.code]);
    if (diff.changes.length > 0) diffs.push(diff);
  }
  return diffs;
}

export interface CodesChangeOptions {
  /** The releases in force on this date; without one, the newest release of each dataset. */
  dos?: string;
  /** Only these dataset kinds (default: every dataset a diff compares but GPCI, which has no codes). */
  kinds?: readonly string[];
}

/**
 * The batch form (a watch list): for each dataset, what its newest release (or the one in
 * force on `dos`) changed for any of the codes, compared with its predecessor. One set-wise diff
 * per dataset, narrowed to the codes; datasets with no change for them are left out.
 */
export async function changesForCodes(
  ctx: LibraryContext,
  codes: readonly string[],
  options: CodesChangeOptions = {},
): Promise<ReleaseDiff[]> {
  if (codes.length === 0) return [];
  const releases = (await listReleases(ctx)).filter((r) =>
    options.kinds ? options.kinds.includes(r.kind) : r.kind !== 'gpci',
  );
  const diffs: ReleaseDiff[] = [];
  for (const dataset of groupByDataset(releases).values()) {
    const pair = currentAndPrevious(dataset, options.dos ?? null);
    if (pair === null) continue;
    const diff = await diffReleasePair(ctx, pair.previous, pair.current, codes);
    if (diff.changes.length > 0) diffs.push(diff);
  }
  return diffs;
}

function settingMatches(release: Release, setting: string): boolean {
  if (release.kind !== 'ncci-ptp' && release.kind !== 'ncci-mue') return true;
  return release.setting === null || release.setting === setting;
}

function groupByDataset(releases: readonly Release[]): Map<string, Release[]> {
  const groups = new Map<string, Release[]>();
  for (const release of releases) {
    const group = groups.get(release.baseDataset);
    if (group) group.push(release);
    else groups.set(release.baseDataset, [release]);
  }
  return groups;
}
