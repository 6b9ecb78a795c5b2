import { setImmediate } from 'node:timers/promises';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, PtpEditsTable } from '../db/schema.ts';
import type { LibraryContext } from '../library/library-context.ts';

/** An NCCI release (PTP or MUE file) with its period. */
export interface DocumentPeriod {
  id: number;
  kind: string;
  title: string;
  release: string | null;
  setting: string | null;
  partial: boolean;
  file_name: string;
  effective_from: string | null;
  effective_to: string | null;
}

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

/** The org's NCCI releases, oldest first: the order gives each release its rank. */
export async function findNcciDocuments(
  db: Kysely<Database>,
  orgId: string,
): Promise<DocumentPeriod[]> {
  const { rows } = await sql<DocumentPeriod>`
    select id, kind, title, release, setting, partial, file_name, effective_from, effective_to
    from documents
    where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[]) and kind in ('ncci-ptp', 'ncci-mue')
    order by effective_from nulls first, imported_at, id`.execute(db);
  return rows;
}

/**
 * Hands every PTP row of the org to `onRow`, one at a time (2M rows are never held as objects
 * on PGlite): COPY there, a plain select on a server. The rows are read in slices by column 1
 * with a turn of the event loop between them: read whole, the first card after an NCCI import
 * held the embedded server (health included) for the ~8 s the load took.
 */
export async function forEachPtpRow(
  { db, engine, orgId }: LibraryContext,
  onRow: (row: PtpRow) => void,
): Promise<void> {
  for (const slice of column1Slices()) {
    if (engine === 'pglite') await copyPtpRows(db, orgId, slice, onRow);
    else {
      const ptp = await sql<PtpRow>`
        select document_id, column1, column2, modifier_indicator, effective_from, deletion_date,
          locator, rationale
        from ptp_edits where org_id = any(library_orgs(${orgId}))
        and column1 >= ${slice.from} and (${slice.to}::text is null or column1 < ${slice.to})
        and document_id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
      for (const row of ptp.rows) onRow(row);
    }
    await setImmediate();
  }
}

/** A range of column-1 codes: `from` inclusive, `to` exclusive (null: no end). */
interface Column1Slice {
  from: string;
  to: string | null;
}

/**
 * Slices by the codes' first character ("" < "1" < … < "9" < "A" < … < "Z" < no end): ordered
 * alike by every collation, so the slices cover every row exactly once.
 */
function column1Slices(): Column1Slice[] {
  const starts = ['', ...'123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
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
      and column1 >= current_setting('codecard.from')
      and (current_setting('codecard.to') = '' or column1 < current_setting('codecard.to'))
      and document_id <> all((select shadowed_documents(current_setting('codecard.org')))::int[]))
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
