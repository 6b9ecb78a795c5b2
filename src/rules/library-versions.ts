import type { Db } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';
import {
  libraryChangeCount,
  libraryVersionsCounted,
  type LibraryVersions,
} from './library-version.repository.ts';

type Known = { changes: number; versions: LibraryVersions };

// Per store (the db the count is read from) and organization: the versions last computed, and
// the count of library changes they were computed at.
const known = new WeakMap<Db, Map<string, Known>>();

/**
 * The versions of the organization's library as the context reads it. Computing them aggregates
 * and hashes every document the organization sees; every card, check and answer needs them
 * (caches are keyed by them), so they are kept per process and reused while the instance's count
 * of library changes is unchanged: one primary-key read, as the server's own role. Any
 * instance's import, removal or opt-out moves that count when it commits, so the next request
 * anywhere computes them again: never an older library once a change has committed.
 *
 * A context that reads through a transaction (its own changes are not committed, nor counted)
 * or through the replica (which may lag) computes them there every time.
 */
export async function currentLibraryVersions(ctx: LibraryContext): Promise<LibraryVersions> {
  const counted = ctx.changeCount;
  if (!counted || counted.for !== ctx.db || ctx.db.isTransaction)
    return (await libraryVersionsCounted(ctx.db, ctx.orgId)).versions;
  const changes = await libraryChangeCount(counted.db);
  let byOrg = known.get(counted.db);
  if (!byOrg) known.set(counted.db, (byOrg = new Map<string, Known>()));
  const last = byOrg.get(ctx.orgId);
  if (last && last.changes === changes) return last.versions;
  const fresh = await libraryVersionsCounted(ctx.db, ctx.orgId);
  // Kept under the count it was read with, so it is only ever used at that count: a request
  // that raced past a newer change and stores an older entry costs the next one a recomputation,
  // never a wrong version.
  byOrg.set(ctx.orgId, fresh);
  return fresh.versions;
}
