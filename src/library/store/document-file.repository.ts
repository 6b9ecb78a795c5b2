import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Keeps a prose document's original bytes, for the source viewer that shows it again. */
export async function insertDocumentFile(
  trx: Transaction<Database>,
  file: { org_id: string; document_id: number; content_type: string; bytes: Uint8Array },
): Promise<void> {
  await trx.insertInto('document_files').values(file).execute();
}

export async function hasDocumentFile(
  db: Kysely<Database>,
  orgId: string,
  documentId: number,
): Promise<boolean> {
  const file = await db
    .selectFrom('document_files')
    .select('document_id')
    .where('org_id', '=', sql<string>`any(library_orgs(${orgId}))`)
    .where('document_id', '<>', sql<number>`all((select shadowed_documents(${orgId}))::int[])`)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return file !== undefined;
}

export function findDocumentFile(db: Kysely<Database>, orgId: string, documentId: number) {
  return db
    .selectFrom('document_files')
    .select(['content_type', 'bytes'])
    .where('org_id', '=', sql<string>`any(library_orgs(${orgId}))`)
    .where('document_id', '<>', sql<number>`all((select shadowed_documents(${orgId}))::int[])`)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}
