import { sql, type Kysely, type Transaction } from 'kysely';
import { bulkInsert } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';

/** One stored result: its claim's position in the file and the result's JSON text. */
export interface StoredResult {
  seq: number;
  json: string;
}

interface JobRef {
  id: string;
  orgId: string;
}

/** Stores results at their positions, in the caller's transaction (with the job's progress). */
export async function insertCheckResults(
  trx: Transaction<Database>,
  engine: 'pglite' | 'postgres',
  job: JobRef,
  results: readonly StoredResult[],
): Promise<void> {
  await bulkInsert(
    trx,
    engine,
    'check_results',
    [
      { name: 'job_id', type: 'uuid' },
      { name: 'org_id', type: 'text' },
      { name: 'seq', type: 'integer' },
      { name: 'result', type: 'json' },
    ],
    results.map((r) => [job.id, job.orgId, r.seq, r.json]),
  );
}

/**
 * The results after position `after`, at most `limit`, in order: a keyset page, so reading a
 * large batch costs one short query per page and never holds all rows (or a cursor's
 * connection, which the embedded store has only one of) at once. A job's positions run 1, 2, …
 * without gaps, so the page is also bounded above: without statistics (PGlite has no
 * autovacuum) the planner fetched and sorted every later row of the job for each page.
 */
export async function checkResultsAfter(
  db: Kysely<Database>,
  job: JobRef,
  after: number,
  limit: number,
): Promise<StoredResult[]> {
  // The JSON as stored (text): a driver never parses what the caller may only pass on.
  const { rows } = await sql<StoredResult>`
    select seq, result::text as json from check_results
    where org_id = ${job.orgId} and job_id = ${job.id}
      and seq > ${after} and seq <= ${after + limit}
    order by seq
    limit ${limit}`.execute(db);
  return rows;
}
