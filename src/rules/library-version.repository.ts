import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';

/**
 * The version of the org's NCCI edit documents (`ncci` true) or of all its other documents:
 * every document's id and file hash, so any import or removal in that scope changes it.
 */
export async function libraryVersion(ctx: LibraryContext, ncci: boolean): Promise<string> {
  const { rows } = await sql<{ version: string }>`
    select coalesce(string_agg(id::text || ':' || file_hash, ',' order by id), '') as version
    from documents where org_id = any(library_orgs(${ctx.orgId}))
      and id <> all((select shadowed_documents(${ctx.orgId}))::int[])
      and (kind in ('ncci-ptp', 'ncci-mue')) = ${ncci}`.execute(ctx.db);
  return rows[0]?.version ?? '';
}

/**
 * Both scopes' versions of an org's library in one query, as SHA-256 digests of what
 * `libraryVersion` lists (a short answer: a card request reads it from the primary, and from the
 * replica too when there is one).
 */
export interface LibraryVersions {
  ncci: string;
  reference: string;
}

export async function libraryVersions(db: Db, orgId: string): Promise<LibraryVersions> {
  const { rows } = await sql<LibraryVersions>`
    select
      encode(sha256(convert_to(coalesce(string_agg(id::text || ':' || file_hash, ',' order by id)
        filter (where kind in ('ncci-ptp', 'ncci-mue')), ''), 'UTF8')), 'hex') as ncci,
      encode(sha256(convert_to(coalesce(string_agg(id::text || ':' || file_hash, ',' order by id)
        filter (where kind not in ('ncci-ptp', 'ncci-mue')), ''), 'UTF8')), 'hex') as reference
    from documents where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
  return rows[0] ?? { ncci: '', reference: '' };
}
