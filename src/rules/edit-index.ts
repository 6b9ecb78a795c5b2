import type { LibraryContext } from '../library/library-context.ts';
import { NEVER_AFTER } from '../domain/day.ts';
import { resolveOnDay, type HeldRow, type RowResolution } from '../domain/release-precedence.ts';
import { rowPeriod, type DateRange, type RowPeriod } from '../domain/row-period.ts';
import {
  findMueRows,
  findNcciDocuments,
  forEachPtpRow,
  type DocumentPeriod,
  type PtpRow,
} from './edit-index.repository.ts';
import { END_STATED, PtpTable, START_STATED } from './ptp-table.ts';

export interface SourceRef {
  documentId: number;
  title: string;
  version: string | null;
}

export interface PtpEntry {
  column1: number;
  column2: number;
  indicator: number;
  /** The file's "PTP Edit Rationale" as it states it, when it has one. */
  rationale: string | null;
  /** The row's period (row-period.ts): its own dates where it states them, else its release's. */
  period: RowPeriod;
  source: number;
  locator: string;
}

export interface MueEntry {
  value: number;
  adjudication: number | null;
  rationale: string | null;
  period: RowPeriod;
  source: number;
  locator: string;
}

/** Which column 1 codes a PTP release holds edits for: all, a contiguous range, or a list. */
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
 * The NCCI edits held in memory for claim checks and answers: codes interned to integers, PTP
 * edits in typed arrays sorted by the ordered pair, MUEs by code; every entry carries its row
 * period and its release, so that one day's answer follows the release precedence of
 * release-precedence.ts. Built once from the library and rebuilt when the library changes.
 */
export class EditIndex {
  private readonly codeIds = new Map<string, number>();
  private readonly codes: string[] = [];
  readonly sources: SourceRef[] = [];
  readonly ptpReleases: EditRelease[] = [];
  /** MUE releases; a partial one's coverage is the set of codes it lists. */
  readonly mueReleases: EditRelease[] = [];
  private readonly sourceRanks: number[] = [];
  /** Distinct PTP rationales (a file has a few dozen); id 0 means none. */
  private readonly rationales: (string | null)[] = [null];
  private readonly rationaleIds = new Map<string, number>();
  private readonly ptp = new Map<string, PtpTable>();
  private readonly mue = new Map<string, Map<number, MueEntry[]>>();

  intern(code: string): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.codes.length;
      this.codes.push(code);
      this.codeIds.set(code, id);
    }
    return id;
  }

  codeId(code: string): number | undefined {
    return this.codeIds.get(code);
  }

  code(id: number): string {
    return this.codes[id] ?? '';
  }

  /** Registers a release's source; its rank orders releases for precedence. */
  addSource(ref: SourceRef, rank: number): number {
    this.sources.push(ref);
    this.sourceRanks.push(rank);
    return this.sources.length - 1;
  }

  rankOf(source: number): number {
    return this.sourceRanks[source] ?? 0;
  }

  /** Every release's edits for the ordered pair (column 1, column 2), for a setting. */
  ptpRows(setting: string, column1: number, column2: number): PtpEntry[] {
    const table = this.ptp.get(setting);
    if (!table) return [];
    const found = table.find(column1, column2);
    if (found.length === 0) return noEntries;
    return found.map((i) => {
      const stated = table.stated[i]!;
      return {
        column1: table.column1[i]!,
        column2: table.column2[i]!,
        indicator: table.indicator[i]!,
        rationale: this.rationales[table.rationale[i]!] ?? null,
        period: {
          from: table.from[i]!,
          until: table.until[i]!,
          startStated: (stated & START_STATED) !== 0,
          endStated: (stated & END_STATED) !== 0,
        },
        source: table.source[i]!,
        locator: table.locator(i),
      };
    });
  }

  /** What the releases say about the ordered pair on the day (the newest covering release wins). */
  ptpOnDay(
    setting: string,
    column1: number,
    column2: number,
    day: number,
  ): RowResolution<PtpEntry> {
    const rows = this.ptpRows(setting, column1, column2);
    if (rows.length === 0) return nothing;
    return resolveOnDay(this.held(rows), day);
  }

  /** PTP releases of the setting that speak for the day, newest first. */
  ptpReleasesOn(setting: string, day: number): readonly EditRelease[] {
    return releasesOn(this.ptpReleases, this.ptpByDay, setting, day);
  }

  /**
   * The MUE the claim check applies: MUE rows carry no dates of their own, so release precedence
   * (`resolveOnDay`) comes down to the newest release whose period covers the day; worked out
   * here without allocating, since every claim line asks.
   */
  mueInForce(setting: string, code: number, day: number): MueEntry | null {
    const rows = this.mue.get(setting)?.get(code);
    if (!rows) return null;
    let best: MueEntry | null = null;
    let bestRank = -1;
    for (const row of rows) {
      if (day < row.period.from || day >= row.period.until) continue;
      const rank = this.rankOf(row.source);
      if (rank > bestRank) {
        best = row;
        bestRank = rank;
      }
    }
    return best;
  }

  /** MUE releases of the setting in force on the day, newest first. */
  mueReleasesOn(setting: string, day: number): readonly EditRelease[] {
    return releasesOn(this.mueReleases, this.mueByDay, setting, day);
  }

  // Claims repeat a few dates: each setting and day is worked out once per index.
  private readonly ptpByDay = new Map<string, Map<number, readonly EditRelease[]>>();
  private readonly mueByDay = new Map<string, Map<number, readonly EditRelease[]>>();

  private held<T extends { period: RowPeriod; source: number }>(rows: T[]): HeldRow<T>[] {
    return rows.map((row) => ({ row, period: row.period, rank: this.rankOf(row.source) }));
  }

  addPtp(setting: string, entry: PtpEntry): void {
    let table = this.ptp.get(setting);
    if (!table) {
      table = new PtpTable();
      this.ptp.set(setting, table);
    }
    table.push(
      entry.column1,
      entry.column2,
      entry.indicator,
      entry.period.from,
      entry.period.until,
      entry.source,
      entry.locator,
      (entry.period.startStated ? START_STATED : 0) | (entry.period.endStated ? END_STATED : 0),
      this.rationaleId(entry.rationale),
    );
  }

  private rationaleId(rationale: string | null): number {
    if (rationale === null || rationale === '') return 0;
    let id = this.rationaleIds.get(rationale);
    if (id === undefined) {
      id = this.rationales.length;
      this.rationales.push(rationale);
      this.rationaleIds.set(rationale, id);
    }
    return id;
  }

  /** Sorts what was added; called once the index is loaded. */
  finish(): void {
    for (const table of this.ptp.values()) table.finish();
  }

  addMue(setting: string, code: number, entry: MueEntry): void {
    const table = mapFor(this.mue, setting);
    const list = table.get(code);
    if (list) list.push(entry);
    else table.set(code, [entry]);
  }
}

const noEntries: PtpEntry[] = [];
const nothing = { kind: 'none' } as const;

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

function mapFor<V>(maps: Map<string, Map<number, V>>, setting: string): Map<number, V> {
  let map = maps.get(setting);
  if (!map) {
    map = new Map();
    maps.set(setting, map);
  }
  return map;
}

/** What loading a partial PTP release learns about the column 1 codes it covers. */
interface CoverageScan {
  codes: Set<string>;
  first: string | null;
  last: string | null;
  earliestStart: number;
}

/** Reads every PTP and MUE row of the org into a new index. */
export async function buildEditIndex(ctx: LibraryContext): Promise<EditIndex> {
  const { db, orgId } = ctx;
  const index = new EditIndex();
  const documents = await findNcciDocuments(db, orgId);
  const releases = new Map<
    number,
    { source: number; setting: string; range: DateRange; scan: CoverageScan | null }
  >();
  documents.forEach((d, rank) => {
    const source = index.addSource({ documentId: d.id, title: d.title, version: d.release }, rank);
    releases.set(d.id, {
      source,
      setting: d.setting ?? 'practitioner',
      range: { from: d.effective_from, to: d.effective_to },
      scan:
        d.kind === 'ncci-ptp'
          ? { codes: new Set(), first: null, last: null, earliestStart: NEVER_AFTER }
          : null,
    });
  });
  const addPtpRow = (row: PtpRow) => {
    const release = releases.get(row.document_id);
    if (!release) return;
    const period = rowPeriod(release.range, { from: row.effective_from, to: row.deletion_date });
    const scan = release.scan;
    if (scan) {
      scan.codes.add(row.column1);
      if (scan.first === null || row.column1 < scan.first) scan.first = row.column1;
      if (scan.last === null || row.column1 > scan.last) scan.last = row.column1;
      if (period.startStated) scan.earliestStart = Math.min(scan.earliestStart, period.from);
    }
    index.addPtp(release.setting, {
      column1: index.intern(row.column1),
      column2: index.intern(row.column2),
      indicator: row.modifier_indicator,
      rationale: row.rationale,
      period,
      source: release.source,
      locator: row.locator,
    });
  };
  await forEachPtpRow(ctx, addPtpRow);
  index.finish();
  documents.forEach((d, rank) => {
    const release = releases.get(d.id)!;
    if (!release.scan) return;
    const own = rowPeriod(release.range, { from: null, to: null });
    index.ptpReleases.push({
      source: release.source,
      setting: release.setting,
      rank,
      from: own.from,
      until: own.until,
      speaksFrom: Math.min(own.from, release.scan.earliestStart),
      coverage: coverageOf(d, release.scan),
      fileName: d.file_name,
      kind: d.kind,
      effectiveFrom: d.effective_from,
    });
  });
  const mue = await findMueRows(db, orgId);
  const mueCodes = new Map<number, Set<string>>();
  for (const row of mue) {
    const release = releases.get(row.document_id);
    if (!release) continue;
    const listed = mueCodes.get(row.document_id) ?? new Set<string>();
    listed.add(row.code);
    mueCodes.set(row.document_id, listed);
    index.addMue(release.setting, index.intern(row.code), {
      value: row.mue_value,
      adjudication: row.adjudication,
      rationale: row.rationale,
      period: rowPeriod(release.range, { from: null, to: null }),
      source: release.source,
      locator: row.locator,
    });
  }
  documents.forEach((d, rank) => {
    if (d.kind !== 'ncci-mue') return;
    const release = releases.get(d.id)!;
    const own = rowPeriod(release.range, { from: null, to: null });
    index.mueReleases.push({
      source: release.source,
      setting: release.setting,
      rank,
      from: own.from,
      until: own.until,
      speaksFrom: own.from,
      coverage: d.partial
        ? { kind: 'set', codes: mueCodes.get(d.id) ?? new Set() }
        : { kind: 'complete' },
      fileName: d.file_name,
      kind: d.kind,
      effectiveFrom: d.effective_from,
    });
  });
  return index;
}

/**
 * A complete release covers every code. A partial one covers its column 1 codes: an excerpt
 * (the first rows of a file sorted by column 1) the contiguous range from its first to its last
 * column 1 code; a subset (or any other partial file) exactly the column 1 codes it holds.
 */
function coverageOf(d: DocumentPeriod, scan: CoverageScan): PtpCoverage {
  if (!d.partial) return { kind: 'complete' };
  if (/excerpt/i.test(d.file_name) && scan.first !== null && scan.last !== null)
    return { kind: 'range', first: scan.first, last: scan.last };
  return { kind: 'set', codes: scan.codes };
}
