import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { NEVER_AFTER, NEVER_BEFORE, PtpTable } from './ptp-table.ts';

const dayCache = new Map<string, number>();
const DAY_CACHE_LIMIT = 50_000;

/**
 * Days since 1970-01-01 for an ISO date. Claims repeat a few dates many times and every rule
 * asks for each line's day, so parsed dates are remembered (Date.parse was the engine's top cost).
 */
export function dayNumber(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    dayCache.set(iso, day);
  }
  return day;
}
const day = (iso: string | null, open: number) =>
  iso === null || iso === '' ? open : dayNumber(iso);

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

  /** Edits for the pair in either order, for a setting. */
  ptpEdits(setting: string, a: number, b: number): PtpEntry[] {
    const table = this.ptp.get(setting);
    if (!table) return [];
    const forward = table.find(a, b);
    const backward = table.find(b, a);
    if (forward.length === 0 && backward.length === 0) return [];
    return [...forward, ...backward].map((i) => ({
      column1: table.column1[i]!,
      column2: table.column2[i]!,
      indicator: table.indicator[i]!,
      from: table.from[i]!,
      until: table.until[i]!,
      source: table.source[i]!,
      locator: table.locator(i),
    }));
  }

  mues(setting: string, code: number): MueEntry[] {
    return this.mue.get(setting)?.get(code) ?? [];
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
      entry.from,
      entry.until,
      entry.source,
      entry.locator,
    );
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

interface PtpRow {
  document_id: number;
  column1: string;
  column2: string;
  modifier_indicator: number;
  effective_from: string | null;
  deletion_date: string | null;
  locator: string;
}

/** Reads every PTP and MUE row of the org into a new index. */
export async function buildEditIndex(ctx: LibraryContext): Promise<EditIndex> {
  const { db, orgId } = ctx;
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
      from: day(d.effective_from, NEVER_BEFORE),
      until: d.effective_to === null ? NEVER_AFTER : dayNumber(d.effective_to) + 1,
    });
  }
  const addPtpRow = (row: PtpRow) => {
    const period = periods.get(row.document_id);
    if (!period) return;
    index.addPtp(period.setting, {
      column1: index.intern(row.column1),
      column2: index.intern(row.column2),
      indicator: row.modifier_indicator,
      from: Math.max(period.from, day(row.effective_from, NEVER_BEFORE)),
      until: Math.min(period.until, day(row.deletion_date, NEVER_AFTER)),
      source: period.source,
      locator: row.locator,
    });
  };
  if (ctx.engine === 'pglite') await copyPtpRows(db, orgId, addPtpRow);
  else {
    const ptp = await sql<PtpRow>`
      select document_id, column1, column2, modifier_indicator, effective_from, deletion_date, locator
      from ptp_edits where org_id = ${orgId}`.execute(db);
    for (const row of ptp.rows) addPtpRow(row);
  }
  index.finish();
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

/**
 * PGlite's fast path: COPY the org's edits out as CSV text (2M rows in a few seconds, where row
 * objects took 20 s). COPY takes no parameters, so the org goes through a transaction-local
 * setting, bound as a parameter.
 */
async function copyPtpRows(db: Kysely<Database>, orgId: string, onRow: (row: PtpRow) => void) {
  const text = await db.transaction().execute(async (trx: Transaction<Database>) => {
    await sql`select set_config('codecard.org', ${orgId}, true)`.execute(trx);
    const { rows } = await sql<{ blob: Blob }>`
      copy (select document_id, column1, column2, modifier_indicator, effective_from, deletion_date, locator
            from ptp_edits where org_id = current_setting('codecard.org'))
      to '/dev/blob' with (format csv)`.execute(trx);
    return rows[0] ? rows[0].blob.text() : '';
  });
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const fields = csvFields(text.slice(start, end));
    start = end + 1;
    if (fields.length < 7) continue;
    onRow({
      document_id: Number(fields[0]),
      column1: fields[1]!,
      column2: fields[2]!,
      modifier_indicator: Number(fields[3]),
      effective_from: fields[4] || null,
      deletion_date: fields[5] || null,
      locator: fields[6]!,
    });
  }
}

/** Splits one line of Postgres CSV output (quoted fields only where needed; no line breaks in ours). */
function csvFields(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const stop = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}
