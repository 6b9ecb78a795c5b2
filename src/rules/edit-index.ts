import type { LibraryContext } from '../library/library-context.ts';
import { resolveOnDay, type HeldRow, type RowResolution } from '../domain/release-precedence.ts';
import { rowPeriod, type RowPeriod } from '../domain/row-period.ts';
import { findMueRows, forEachPtpRow } from './edit-index.repository.ts';
import { findNcciReleases } from './edit-releases.repository.ts';
import { EditReleases } from './edit-releases.ts';
import { END_STATED, PtpTable, START_STATED } from './ptp-table.ts';

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

/**
 * The NCCI edits held in memory for claim checks and answers: codes interned to integers, PTP
 * edits in typed arrays sorted by the ordered pair, MUEs by code; every entry carries its row
 * period and its release, so that one day's answer follows the release precedence of
 * release-precedence.ts. Built once from the library and rebuilt when the library changes.
 */
export class EditIndex extends EditReleases {
  private readonly codeIds = new Map<string, number>();
  private readonly codes: string[] = [];
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
  async finish(): Promise<void> {
    for (const table of this.ptp.values()) await table.finish();
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

function mapFor<V>(maps: Map<string, Map<number, V>>, setting: string): Map<number, V> {
  let map = maps.get(setting);
  if (!map) {
    map = new Map();
    maps.set(setting, map);
  }
  return map;
}

/** Reads every PTP and MUE row of the org into a new index. */
export async function buildEditIndex(ctx: LibraryContext): Promise<EditIndex> {
  const index = new EditIndex(await findNcciReleases(ctx.db, ctx.orgId));
  await forEachPtpRow(ctx, (row) => {
    const release = index.byDocument.get(row.document_id);
    if (!release) return;
    index.addPtp(release.setting, {
      column1: index.intern(row.column1),
      column2: index.intern(row.column2),
      indicator: row.modifier_indicator,
      rationale: row.rationale,
      period: rowPeriod(release.range, { from: row.effective_from, to: row.deletion_date }),
      source: release.source,
      locator: row.locator,
    });
  });
  await index.finish();
  for (const row of await findMueRows(ctx.db, ctx.orgId)) {
    const release = index.byDocument.get(row.document_id);
    if (!release) continue;
    index.addMue(release.setting, index.intern(row.code), {
      value: row.mue_value,
      adjudication: row.adjudication,
      rationale: row.rationale,
      period: rowPeriod(release.range, { from: null, to: null }),
      source: release.source,
      locator: row.locator,
    });
  }
  return index;
}
