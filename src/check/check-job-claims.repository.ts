import type { Kysely, Transaction } from 'kysely';
import { bulkInsert } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';

/** Claims from position `seq` on, `count` of them, packed (see claim-chunks.ts). */
export interface ClaimChunk {
  seq: number;
  count: number;
  claims: string;
}

interface JobRef {
  id: string;
  orgId: string;
}

export async function insertClaimChunks(
  trx: Transaction<Database>,
  engine: 'pglite' | 'postgres',
  job: JobRef,
  chunks: readonly ClaimChunk[],
): Promise<void> {
  await bulkInsert(
    trx,
    engine,
    'check_job_claims',
    [
      { name: 'job_id', type: 'uuid' },
      { name: 'org_id', type: 'text' },
      { name: 'seq', type: 'integer' },
      { name: 'count', type: 'integer' },
      { name: 'claims', type: 'text' },
    ],
    chunks.map((c) => [job.id, job.orgId, c.seq, c.count, c.claims]),
  );
}

/** The chunks holding claims after position `after`, at most `limit`, in order. */
export async function claimChunksAfter(
  db: Kysely<Database>,
  job: JobRef,
  after: number,
  limit: number,
): Promise<ClaimChunk[]> {
  return db
    .selectFrom('check_job_claims')
    .select(['seq', 'count', 'claims'])
    .where('org_id', '=', job.orgId)
    .where('job_id', '=', job.id)
    .where((eb) => eb(eb('seq', '+', eb.ref('count')), '>', after + 1))
    .orderBy('seq')
    .limit(limit)
    .execute();
}
