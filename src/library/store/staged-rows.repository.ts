import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Deletes up to `limit` rows of a document version from one table, in a transaction of its
 * own; returns how many went. Found through the table's document_id index.
 */
export async function deleteSomeDocumentRows(
  db: Kysely<Database>,
  table: 'passages' | 'code_mentions',
  orgId: string,
  documentId: number,
  limit: number,
): Promise<number> {
  const result = await sql`
    delete from ${sql.table(table)} where ctid = any(array(
      select ctid from ${sql.table(table)}
      where org_id = ${orgId} and document_id = ${documentId} limit ${limit}))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
