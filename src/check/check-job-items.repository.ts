import { sql, type Kysely, type Transaction } from 'kysely';
import { bulkInsert } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';

/** One stored claim or result: its position in the file and its JSON text. */
export interface CheckJobItem {
  seq: number;
  json: string;
}

type ItemTable = 'check_job_claims' | 'check_results';
const itemColumn = { check_job_claims: 'claim', check_results: 'result' } as const;

/** Stores a batch's claims or results (JSON text) at their positions, in the caller's transaction. */
export async function insertCheckJobItems(
  trx: Transaction<Database>,
  engine: 'pglite' | 'postgres',
  table: ItemTable,
  job: { id: string; orgId: string },
  items: readonly CheckJobItem[],
): Promise<void> {
  await bulkInsert(
    trx,
    engine,
    table,
    [
      { name: 'job_id', type: 'uuid' },
      { name: 'org_id', type: 'text' },
      { name: 'seq', type: 'integer' },
      { name: itemColumn[table], type: 'json' },
    ],
    items.map((item) => [job.id, job.orgId, item.seq, item.json]),
  );
}

/**
 * The items after position `after`, at most `limit`, in order: a keyset page, so reading a
 * large batch costs one short query per page and never holds all rows (or a cursor's
 * connection, which the embedded store has only one of) at once.
 */
export async function checkJobItemsAfter(
  db: Kysely<Database>,
  table: ItemTable,
  job: { id: string; orgId: string },
  after: number,
  limit: number,
): Promise<CheckJobItem[]> {
  // The JSON as stored (text), so a driver never parses what the caller may only pass on.
  const { rows } = await sql<CheckJobItem>`
    select seq, ${sql.ref(itemColumn[table])}::text as json from ${sql.table(table)}
    where org_id = ${job.orgId} and job_id = ${job.id} and seq > ${after}
    order by seq
    limit ${limit}`.execute(db);
  return rows;
}

/** Removes a job's claims and results (a cancelled job keeps neither). */
export async function deleteCheckJobItems(
  db: Kysely<Database>,
  job: { id: string; orgId: string },
): Promise<void> {
  for (const table of ['check_job_claims', 'check_results'] as const)
    await db
      .deleteFrom(table)
      .where('org_id', '=', job.orgId)
      .where('job_id', '=', job.id)
      .execute();
}
