import { sql } from 'kysely';
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
