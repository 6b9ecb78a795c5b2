import { CompiledQuery, sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Keeps a prose document's original bytes, for the source viewer that shows it again. PGlite's
 * bytea parameter serializer maps every byte through a JavaScript array (a 20 MB file held the
 * event loop 8 s and grew the process by ~1 GB), so on PGlite the row goes by binary COPY from
 * a blob, the bytes untouched; a server gets them as hex text that it decodes.
 */
export async function insertDocumentFile(
  trx: Transaction<Database>,
  engine: 'pglite' | 'postgres',
  file: { org_id: string; document_id: number; content_type: string; bytes: Uint8Array },
): Promise<void> {
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  if (engine === 'pglite') {
    await trx.executeQuery(
      CompiledQuery.raw(
        `COPY document_files (org_id, document_id, content_type, bytes) FROM '/dev/blob' WITH (FORMAT binary)`,
        [binaryCopyRow(file.org_id, file.document_id, file.content_type, bytes)],
      ),
    );
    return;
  }
  await sql`
    insert into document_files (org_id, document_id, content_type, bytes)
    values (${file.org_id}, ${file.document_id}, ${file.content_type}, decode(${bytes.toString('hex')}, 'hex'))`.execute(
    trx,
  );
}

/** One row in COPY's binary format: text as UTF-8, integer as int4, bytea as is. */
function binaryCopyRow(
  orgId: string,
  documentId: number,
  contentType: string,
  bytes: Buffer,
): Blob {
  const field = (data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(data.length);
    return [length, data];
  };
  const id = Buffer.alloc(4);
  id.writeInt32BE(documentId);
  const count = Buffer.alloc(2);
  count.writeInt16BE(4);
  const end = Buffer.alloc(2);
  end.writeInt16BE(-1);
  // Signature, flags, header extension length: then the row and the trailer.
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const row = Buffer.concat([
    header,
    count,
    ...field(Buffer.from(orgId)),
    ...field(id),
    ...field(Buffer.from(contentType)),
    ...field(bytes),
    end,
  ]);
  return new Blob([row]);
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
