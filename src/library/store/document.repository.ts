import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, DocumentsTable } from '../../db/schema.ts';
import { documentRowTables } from './fact-tables.ts';

export type DocumentRow = Selectable<DocumentsTable>;
type Executor = Kysely<Database> | Transaction<Database>;

export type NewDocument = Omit<
  DocumentRow,
  | 'id'
  | 'imported_at'
  | 'effective_to'
  | 'rows_read'
  | 'rows_stored'
  | 'rows_skipped'
  | 'skipped_reasons'
  | 'importing'
> & { importing?: boolean };

/** The same bytes already in the library (a version still importing does not count yet). */
export function findDocumentByHash(db: Executor, orgId: string, fileHash: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('file_hash', '=', fileHash)
    .where('importing', '=', false)
    .executeTakeFirst();
}

/** One of the organization's own versions; one still importing is not there yet. */
export function findDocument(db: Executor, orgId: string, id: number) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('importing', '=', false)
    .executeTakeFirst();
}

/** One document the organization reads: its own or the instance-wide reference data. */
export function findReadableDocument(db: Executor, orgId: string, id: number) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', sql<string>`any(library_orgs(${orgId}))`)
    .where('id', '<>', sql<number>`all((select shadowed_documents(${orgId}))::int[])`)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every document the organization reads: its own, then the instance-wide reference data. */
export function listReadableDocuments(db: Executor, orgId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', sql<string>`any(library_orgs(${orgId}))`)
    .where('id', '<>', sql<number>`all((select shadowed_documents(${orgId}))::int[])`)
    .orderBy(sql`org_id = ${orgId}`, 'desc')
    .orderBy('dataset_key')
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
}

export function listDocuments(db: Executor, orgId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('importing', '=', false)
    .orderBy('dataset_key')
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
}

export async function insertDocument(db: Executor, document: NewDocument): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values(document)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordCounts(
  db: Executor,
  id: number,
  counts: { read: number; stored: number; skipped: number; skippedReasons: Record<string, number> },
): Promise<void> {
  await db
    .updateTable('documents')
    .set({
      rows_read: counts.read,
      rows_stored: counts.stored,
      rows_skipped: counts.skipped,
      skipped_reasons: JSON.stringify(counts.skippedReasons) as never,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Each version of a dataset is in force from its effective date until the day before the next
 * version's; the newest stays open. Recomputed whenever a version is added or removed. A version
 * followed by another with the same effective date keeps that one day (a period never ends
 * before it starts); release precedence gives the day to the newer version.
 */
export async function recomputeDatasetPeriods(db: Executor, orgId: string, datasetKey: string) {
  // An ICD-10-CM order file (and Tabular List) speaks for its fiscal year only (October 1 to September 30): codes
  // change every October, so a FY2021 file cannot say what is billable in FY2022. Its period
  // ends on September 30 of its fiscal year even when no newer release follows.
  await sql`
    update documents d set effective_to = case
        when d.kind in ('icd10cm-order', 'icd10cm-tabular') and d.effective_from is not null then least(
          case when s.next_from is null then 'infinity'::date
            else greatest(s.next_from - 1, d.effective_from) end,
          make_date(
            extract(year from d.effective_from)::int
              + case when extract(month from d.effective_from) >= 10 then 1 else 0 end,
            9, 30))
        when s.next_from is null then null
        when d.effective_from is null or s.next_from - 1 >= d.effective_from then s.next_from - 1
        else d.effective_from end
    from (
      select id, lead(effective_from) over (
        order by effective_from nulls first, imported_at, id
      ) as next_from
      from documents where org_id = ${orgId} and dataset_key = ${datasetKey} and not importing
    ) s
    where d.id = s.id`.execute(db);
}

/** A staged version is in the library from here on: readers see it once this commits. */
export async function markImported(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('documents')
    .set({ importing: false, imported_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Versions whose staged import never finished (its process was killed). */
export function findUnfinishedImports(db: Executor) {
  return db
    .selectFrom('documents')
    .select(['id', 'org_id'])
    .where('importing', '=', true)
    .execute();
}

/** Deletes a document version with every fact and passage it brought. */
export async function deleteDocumentRows(trx: Transaction<Database>, orgId: string, id: number) {
  for (const table of documentRowTables) {
    await trx.deleteFrom(table).where('org_id', '=', orgId).where('document_id', '=', id).execute();
  }
  await trx.deleteFrom('documents').where('org_id', '=', orgId).where('id', '=', id).execute();
}
