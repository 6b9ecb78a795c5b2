import { setImmediate } from 'node:timers/promises';
import { TimeSlice } from '../domain/time-slice.ts';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, PtpEditsTable } from '../db/schema.ts';
import type { LibraryContext } from '../library/library-context.ts';

export type PtpRow = Pick<
  Selectable<PtpEditsTable>,
  | 'document_id'
  | 'column1'
  | 'column2'
  | 'modifier_indicator'
  | 'effective_from'
  | 'deletion_date'
  | 'rationale'
  | 'locator'
>;

export interface MueRow {
  document_id: number;
  code: string;
  mue_value: number;
  adjudication: number | null;
  rationale: string | null;
  locator: string;
}

/**
 * Hands every PTP row of the org to `onRow`, one at a time (2M rows are never held as objects
 * on PGlite): COPY there, a plain select on a server. The rows are read in slices of about
 * 40,000 by column 1, with a turn of the event loop between them: on PGlite a query runs to its
 * end on the main thread, and the first build after a 2M-row import held health for ~8 s read
 * whole, and 1.5 s per slice when sliced by the codes' first character.
 */
export async function forEachPtpRow(
  { db, engine, orgId }: LibraryContext,
  onRow: (row: PtpRow) => void,
): Promise<void> {
  for (const slice of await column1Slices(db, orgId)) {
    await setImmediate();
    if (engine === 'pglite') await copyPtpRows(db, orgId, slice, onRow);
    else {
      const ptp = await sql<PtpRow>`
        select document_id, column1, column2, modifier_indicator, effective_from, deletion_date,
          locator, rationale
        from ptp_edits where org_id = any(library_orgs(${orgId}))
        and column1 >= ${slice.from} ${slice.to === null ? sql`` : sql`and column1 < ${slice.to}`}
        and document_id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
      for (const row of ptp.rows) onRow(row);
    }
  }
}

/** A range of column 1 codes: `from` inclusive, `to` exclusive (null: no end). */
interface Column1Slice {
  from: string;
  to: string | null;
}

/**
 * Slices of about 40,000 rows of each release, from the bounds its import recorded
 * (edit_scopes.slice_bounds): finding them here would mean reading the index first, and on
 * PGlite cold pages cost ~1 ms each. The bounds of all releases are merged and ordered by the
 * database, which compares the slices alike, so every row is in exactly one slice whatever its
 * collation (a release without bounds is read across the others' slices).
 */
async function column1Slices(db: Kysely<Database>, orgId: string): Promise<Column1Slice[]> {
  const { rows } = await sql<{ bound: string }>`
    select distinct b.bound from documents d
      join edit_scopes s on s.document_id = d.id
      cross join unnest(s.slice_bounds) as b(bound)
    where d.org_id = any(library_orgs(${orgId})) and d.kind = 'ncci-ptp'
      and d.id <> all((select shadowed_documents(${orgId}))::int[])
    order by b.bound`.execute(db);
  const starts = ['', ...rows.map((r) => r.bound)];
  return starts.map((from, i) => ({ from, to: starts[i + 1] ?? null }));
}

/** Every MUE row of the org. */
export async function findMueRows(db: Kysely<Database>, orgId: string): Promise<MueRow[]> {
  const { rows } = await sql<MueRow>`
    select document_id, code, mue_value, adjudication, rationale, locator
    from mue_edits where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
  return rows;
}

/**
 * PGlite's fast path: COPY the org's edits out as CSV text (2M rows in a few seconds, where row
 * objects took 20 s). COPY takes no parameters, so the org goes through a transaction-local
 * setting, bound as a parameter.
 */
// Only where the slice has an end: `(to = '' or column1 < to)` turned the plan into a full scan.
const upperBound = sql`and column1 < current_setting('codecard.to')`;

async function copyPtpRows(
  db: Kysely<Database>,
  orgId: string,
  slice: Column1Slice,
  onRow: (row: PtpRow) => void,
) {
  const text = await db.transaction().execute(async (trx: Transaction<Database>) => {
    await sql`select set_config('codecard.org', ${orgId}, true),
      set_config('codecard.from', ${slice.from}, true),
      set_config('codecard.to', ${slice.to ?? ''}, true)`.execute(trx);
    const { rows } = await sql<{ blob: Blob }>`
      copy (select document_id, column1, column2, modifier_indicator, effective_from, deletion_date,
              locator, rationale
            from ptp_edits where org_id = any(library_orgs(current_setting('codecard.org')))
      and column1 >= current_setting('codecard.from') ${slice.to === null ? sql`` : upperBound}
      and document_id <> all((select shadowed_documents(current_setting('codecard.org')))::int[]))
      to '/dev/blob' with (format csv)`.execute(trx);
    return rows[0] ? rows[0].blob.text() : '';
  });
  // Parsing a slice's rows takes a while too: it is given turns of the loop.
  const turns = new TimeSlice();
  let start = 0;
  let read = 0;
  while (start < text.length) {
    if ((++read & 1023) === 0) await turns.yieldIfSpent();
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
      rationale: fields[7] || null,
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
