import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';

/** Which documents an index is built from: the NCCI edit files, or everything else. */
export type IndexScope = 'ncci-edits' | 'reference';

/**
 * A per-org, per-process cache of something built from the library, rebuilt when the documents
 * it reads change (any import or removal in its scope gives a new version). CLI, API and jobs
 * share it, so a batch pays the build once.
 */
export function libraryVersionCache<T>(
  scope: IndexScope,
  build: (ctx: LibraryContext) => Promise<T>,
): (ctx: LibraryContext) => Promise<T> {
  const cache = new Map<string, { version: string; value: Promise<T> }>();
  return async (ctx) => {
    const ncci = scope === 'ncci-edits';
    const { rows } = await sql<{ version: string }>`
      select coalesce(string_agg(id::text || ':' || file_hash, ',' order by id), '') as version
      from documents where org_id = ${ctx.orgId}
        and (kind in ('ncci-ptp', 'ncci-mue')) = ${ncci}`.execute(ctx.db);
    const version = rows[0]?.version ?? '';
    const cached = cache.get(ctx.orgId);
    if (cached && cached.version === version) return cached.value;
    const value = build(ctx);
    cache.set(ctx.orgId, { version, value });
    value.catch(() => cache.delete(ctx.orgId));
    return value;
  };
}
