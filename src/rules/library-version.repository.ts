import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Both scopes' versions of an org's library (its NCCI edit documents, and all its other
 * documents): SHA-256 digests of every document's id and file hash in that scope, so any import
 * or removal there changes them. A short answer: a request reads it from the primary, and from
 * the replica too when there is one.
 */
export interface LibraryVersions {
  ncci: string;
  reference: string;
}

/**
 * The org's versions and, read in the same snapshot, how many library changes had committed
 * then (`library_changes`): while that count stays the same, so do the versions.
 */
export async function libraryVersionsCounted(
  db: Db,
  orgId: string,
): Promise<{ changes: number; versions: LibraryVersions }> {
  const { rows } = await sql<LibraryVersions & { changes: number }>`
    select
      (select count from library_changes where id = 1) as changes,
      encode(sha256(convert_to(coalesce(string_agg(id::text || ':' || file_hash, ',' order by id)
        filter (where kind in ('ncci-ptp', 'ncci-mue')), ''), 'UTF8')), 'hex') as ncci,
      encode(sha256(convert_to(coalesce(string_agg(id::text || ':' || file_hash, ',' order by id)
        filter (where kind not in ('ncci-ptp', 'ncci-mue')), ''), 'UTF8')), 'hex') as reference
    from documents where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
  const row = rows[0]!;
  return { changes: Number(row.changes), versions: { ncci: row.ncci, reference: row.reference } };
}

/** How many changes to the documents and reference opt-outs have committed (one row read). */
export async function libraryChangeCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('library_changes')
    .select('count')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
