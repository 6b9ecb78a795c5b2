import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import { buildEditIndex, type EditIndex } from './edit-index.ts';

interface Cached {
  version: string;
  index: Promise<EditIndex>;
}

const cache = new Map<string, Cached>();

/**
 * The edit index for an org, built on first use and rebuilt when the library's NCCI documents
 * change (any import or removal gives a new version). CLI, API and jobs share it per process.
 */
export async function editIndexFor(ctx: LibraryContext): Promise<EditIndex> {
  const { rows } = await sql<{ version: string }>`
    select coalesce(string_agg(id::text || ':' || file_hash, ',' order by id), '') as version
    from documents where org_id = ${ctx.orgId} and kind in ('ncci-ptp', 'ncci-mue')`.execute(
    ctx.db,
  );
  const version = rows[0]?.version ?? '';
  const cached = cache.get(ctx.orgId);
  if (cached && cached.version === version) return cached.index;
  const index = buildEditIndex(ctx);
  cache.set(ctx.orgId, { version, index });
  index.catch(() => cache.delete(ctx.orgId));
  return index;
}
