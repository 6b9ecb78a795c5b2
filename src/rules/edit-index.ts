import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Days since 1970-01-01 for an ISO date; open ends are ±Infinity. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}
const day = (iso: string | null, open: number) => (iso === null ? open : dayNumber(iso));

export interface SourceRef {
  documentId: number;
  title: string;
  version: string | null;
}

export interface PtpEntry {
  column1: number;
  column2: number;
  indicator: number;
  /** In force from `from` (inclusive) to `until` (exclusive): row dates within the version's period. */
  from: number;
  until: number;
  source: number;
  locator: string;
}

export interface MueEntry {
  value: number;
  adjudication: number | null;
  rationale: string | null;
  from: number;
  until: number;
  source: number;
  locator: string;
}

/**
 * The NCCI edits held in memory for claim checks: codes interned to integers, PTP edits in a
 * hash map keyed by the ordered pair, MUEs by code; every entry carries the days it is in force
 * (its own dates clipped to its document version's period). Built once from the library and
 * rebuilt when the library changes.
 */
export class EditIndex {
  private readonly codeIds = new Map<string, number>();
  private readonly codes: string[] = [];
  readonly sources: SourceRef[] = [];
  private readonly ptp = new Map<string, Map<number, PtpEntry[]>>();
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

  /** Edits for the pair in either order, for a setting. */
  ptpEdits(setting: string, a: number, b: number): PtpEntry[] {
    const table = this.ptp.get(setting);
    if (!table) return [];
    return [...(table.get(pairKey(a, b)) ?? []), ...(table.get(pairKey(b, a)) ?? [])];
  }

  mues(setting: string, code: number): MueEntry[] {
    return this.mue.get(setting)?.get(code) ?? [];
  }

  addPtp(setting: string, entry: PtpEntry): void {
    const table = mapFor(this.ptp, setting);
    const key = pairKey(entry.column1, entry.column2);
    const list = table.get(key);
    if (list) list.push(entry);
    else table.set(key, [entry]);
  }

  addMue(setting: string, code: number, entry: MueEntry): void {
    const table = mapFor(this.mue, setting);
    const list = table.get(code);
    if (list) list.push(entry);
    else table.set(code, [entry]);
  }
}

// Code ids stay below 2^21, so the ordered pair packs into one safe integer.
const pairKey = (column1: number, column2: number) => column1 * 2_097_152 + column2;

function mapFor<V>(maps: Map<string, Map<number, V>>, setting: string): Map<number, V> {
  let map = maps.get(setting);
  if (!map) {
    map = new Map();
    maps.set(setting, map);
  }
  return map;
}

interface DocumentPeriod {
  id: number;
  title: string;
  release: string | null;
  setting: string | null;
  effective_from: string | null;
  effective_to: string | null;
}

/** Reads every PTP and MUE row of the org into a new index. */
export async function buildEditIndex(db: Kysely<Database>, orgId: string): Promise<EditIndex> {
  const index = new EditIndex();
  const { rows: documents } = await sql<DocumentPeriod>`
    select id, title, release, setting, effective_from, effective_to from documents
    where org_id = ${orgId} and kind in ('ncci-ptp', 'ncci-mue')`.execute(db);
  const periods = new Map<
    number,
    { source: number; setting: string; from: number; until: number }
  >();
  for (const d of documents) {
    index.sources.push({ documentId: d.id, title: d.title, version: d.release });
    periods.set(d.id, {
      source: index.sources.length - 1,
      setting: d.setting ?? 'practitioner',
      from: day(d.effective_from, -Infinity),
      until: d.effective_to === null ? Infinity : dayNumber(d.effective_to) + 1,
    });
  }
  const ptp = await sql<{
    document_id: number;
    column1: string;
    column2: string;
    modifier_indicator: number;
    effective_from: string | null;
    deletion_date: string | null;
    locator: string;
  }>`select document_id, column1, column2, modifier_indicator, effective_from, deletion_date, locator
     from ptp_edits where org_id = ${orgId}`.execute(db);
  for (const row of ptp.rows) {
    const period = periods.get(row.document_id);
    if (!period) continue;
    index.addPtp(period.setting, {
      column1: index.intern(row.column1),
      column2: index.intern(row.column2),
      indicator: row.modifier_indicator,
      from: Math.max(period.from, day(row.effective_from, -Infinity)),
      until: Math.min(period.until, day(row.deletion_date, Infinity)),
      source: period.source,
      locator: row.locator,
    });
  }
  const mue = await sql<{
    document_id: number;
    code: string;
    mue_value: number;
    adjudication: number | null;
    rationale: string | null;
    locator: string;
  }>`select document_id, code, mue_value, adjudication, rationale, locator
     from mue_edits where org_id = ${orgId}`.execute(db);
  for (const row of mue.rows) {
    const period = periods.get(row.document_id);
    if (!period) continue;
    index.addMue(period.setting, index.intern(row.code), {
      value: row.mue_value,
      adjudication: row.adjudication,
      rationale: row.rationale,
      from: period.from,
      until: period.until,
      source: period.source,
      locator: row.locator,
    });
  }
  return index;
}
