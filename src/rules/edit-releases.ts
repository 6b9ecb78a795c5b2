import { dayOf, NEVER_AFTER } from '../domain/day.ts';
import { rowPeriod, type DateRange } from '../domain/row-period.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { findNcciReleases, type NcciRelease } from './edit-releases.repository.ts';

export interface SourceRef {
  documentId: number;
  title: string;
  version: string | null;
}

/** Which codes an NCCI release holds edits for: all, a contiguous range, or a list. */
export type PtpCoverage =
  | { kind: 'complete' }
  | { kind: 'range'; first: string; last: string }
  | { kind: 'set'; codes: ReadonlySet<string> };

/** One NCCI release (a document version) as the index sees it. */
export interface EditRelease {
  source: number;
  setting: string;
  /** Newer releases rank higher: effective date, then import order. */
  rank: number;
  /** The release's own period (effective date to the day before the next complete release). */
  from: number;
  until: number;
  /** The first day the release speaks for: its earliest stated row date when its rows carry dates. */
  speaksFrom: number;
  coverage: PtpCoverage;
  fileName: string;
  /** The document's kind and effective date, for staleness (release-staleness.ts). */
  kind: string;
  effectiveFrom: string | null;
}

/**
 * The NCCI releases of an org (PTP and MUE files) with their periods, precedence and coverage,
 * without their rows: enough to say which releases speak for a day and whether they can tell
 * that a code has no edit. Built from the documents and their recorded scopes in one query.
 */
export class EditReleases {
  readonly sources: SourceRef[] = [];
  readonly ptpReleases: EditRelease[] = [];
  /** MUE releases; a partial one's coverage is the set of codes it lists. */
  readonly mueReleases: EditRelease[] = [];
  private readonly sourceRanks: number[] = [];
  /** Where each document's rows go (its source number and setting) and its period, by id. */
  readonly byDocument = new Map<number, { source: number; setting: string; range: DateRange }>();
  // Claims repeat a few dates: each setting and day is worked out once.
  private readonly ptpByDay = new Map<string, Map<number, readonly EditRelease[]>>();
  private readonly mueByDay = new Map<string, Map<number, readonly EditRelease[]>>();

  constructor(releases: readonly NcciRelease[] = []) {
    releases.forEach((d, rank) => {
      const source = this.sources.length;
      this.sources.push({ documentId: d.id, title: d.title, version: d.release });
      this.sourceRanks.push(rank);
      const setting = d.setting ?? 'practitioner';
      const range = { from: d.effective_from, to: d.effective_to };
      this.byDocument.set(d.id, { source, setting, range });
      const own = rowPeriod(range, { from: null, to: null });
      const earliest = d.earliest_row_start === null ? NEVER_AFTER : dayOf(d.earliest_row_start);
      const release: EditRelease = {
        source,
        setting,
        rank,
        from: own.from,
        until: own.until,
        // PTP rows may state their own start (MUE rows never do).
        speaksFrom: d.kind === 'ncci-ptp' ? Math.min(own.from, earliest) : own.from,
        coverage: coverageOf(d),
        fileName: d.file_name,
        kind: d.kind,
        effectiveFrom: d.effective_from,
      };
      (d.kind === 'ncci-ptp' ? this.ptpReleases : this.mueReleases).push(release);
    });
  }

  rankOf(source: number): number {
    return this.sourceRanks[source] ?? 0;
  }

  /** PTP releases of the setting that speak for the day, newest first. */
  ptpReleasesOn(setting: string, day: number): readonly EditRelease[] {
    return releasesOn(this.ptpReleases, this.ptpByDay, setting, day);
  }

  /** MUE releases of the setting in force on the day, newest first. */
  mueReleasesOn(setting: string, day: number): readonly EditRelease[] {
    return releasesOn(this.mueReleases, this.mueByDay, setting, day);
  }
}

/** Reads an org's NCCI releases and what each covers. */
export async function buildEditReleases(ctx: LibraryContext): Promise<EditReleases> {
  return new EditReleases(await findNcciReleases(ctx.db, ctx.orgId));
}

/**
 * A complete release covers every code. A partial one covers the codes it lists: an excerpt
 * (the first rows of a file sorted by column 1) the contiguous range from its first to its last
 * code; any other partial file exactly the codes it holds. A release whose scope was never
 * recorded covers nothing, so its silence is never taken for "no edit".
 */
function coverageOf(d: NcciRelease): PtpCoverage {
  if (!d.has_scope) return { kind: 'set', codes: new Set() };
  if (!d.partial) return { kind: 'complete' };
  if (
    d.kind === 'ncci-ptp' &&
    /excerpt/i.test(d.file_name) &&
    d.first_code !== null &&
    d.last_code !== null
  )
    return { kind: 'range', first: d.first_code, last: d.last_code };
  return { kind: 'set', codes: new Set(d.codes ?? []) };
}

function releasesOn(
  releases: readonly EditRelease[],
  cache: Map<string, Map<number, readonly EditRelease[]>>,
  setting: string,
  day: number,
): readonly EditRelease[] {
  let bySetting = cache.get(setting);
  if (!bySetting) cache.set(setting, (bySetting = new Map<number, readonly EditRelease[]>()));
  let found = bySetting.get(day);
  if (found === undefined) {
    found = releases
      .filter((r) => r.setting === setting && day >= r.speaksFrom && day < r.until)
      .sort((a, b) => b.rank - a.rank);
    if (bySetting.size >= 10_000) bySetting.clear();
    bySetting.set(day, found);
  }
  return found;
}

/**
 * Whether the PTP (or MUE) data in force can tell that a code has no edit: a complete release
 * covers every code; a partial one only its column 1 codes (an edit may name either code of a
 * pair as column 1, so both must be covered).
 */
export function coversCode(releases: readonly EditRelease[], code: string): boolean {
  for (const release of releases) if (coverageHolds(release.coverage, code)) return true;
  return false;
}

function coverageHolds(coverage: PtpCoverage, code: string): boolean {
  switch (coverage.kind) {
    case 'complete':
      return true;
    case 'range':
      return code >= coverage.first && code <= coverage.last;
    case 'set':
      return coverage.codes.has(code);
  }
}
