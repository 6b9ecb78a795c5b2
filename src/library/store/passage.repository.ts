import type { Insertable, Transaction } from 'kysely';
import { bulkInsert, type BulkValue } from '../../db/bulk-insert.ts';
import type { Database, PassagesTable } from '../../db/schema.ts';

/** Inserts passages and returns their ids in the order given. */
export async function insertPassages(
  trx: Transaction<Database>,
  rows: Insertable<PassagesTable>[],
): Promise<number[]> {
  const ids = await trx.insertInto('passages').values(rows).returning('id').execute();
  return ids.map((row) => row.id);
}

/**
 * Bulk-inserts code mentions, each row (org_id, document_id, passage_id, system, code,
 * start_offset, end_offset, via).
 */
export async function insertCodeMentions(
  trx: Transaction<Database>,
  engine: 'pglite' | 'postgres',
  rows: BulkValue[][],
): Promise<void> {
  await bulkInsert(
    trx,
    engine,
    'code_mentions',
    [
      { name: 'org_id', type: 'text' },
      { name: 'document_id', type: 'integer' },
      { name: 'passage_id', type: 'integer' },
      { name: 'system', type: 'text' },
      { name: 'code', type: 'text' },
      { name: 'start_offset', type: 'integer' },
      { name: 'end_offset', type: 'integer' },
      { name: 'via', type: 'text' },
    ],
    rows,
  );
}
