import { describeDbError } from '../db/describe-db-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { libraryVersions, type LibraryVersions } from './library-version.repository.ts';

/**
 * The context a read-only request (a card, a search, a single check) reads reference data
 * through: the read replica when it holds the same library as the primary, else the primary.
 * The library version always comes from the primary, so a replica that has not yet replayed an
 * import (or a removal) is never read: that request reads the primary instead. A replica that
 * fails to answer is skipped the same way. Nothing read through the result may be written: the
 * replica's sessions are read-only.
 *
 * `primary`: the primary's versions when the caller has them already (the card cache does).
 */
export async function readingContext(
  ctx: LibraryContext,
  primary?: LibraryVersions,
): Promise<LibraryContext> {
  const { readDb, ...rest } = ctx;
  if (!readDb) return ctx;
  const [onPrimary, onReplica] = await Promise.all([
    primary ?? libraryVersions(ctx.db, ctx.orgId),
    libraryVersions(readDb, ctx.orgId).catch(replicaFailed),
  ]);
  return onReplica && sameVersions(onPrimary, onReplica) ? { ...rest, db: readDb } : ctx;
}

export function sameVersions(a: LibraryVersions, b: LibraryVersions): boolean {
  return a.ncci === b.ncci && a.reference === b.reference;
}

let warned = false;

function replicaFailed(error: unknown): null {
  // Once per process: a replica that is down would otherwise log on every request.
  if (!warned)
    process.stderr.write(
      `codecard: the read replica did not answer (${describeDbError(error)}); reading from the primary\n`,
    );
  warned = true;
  return null;
}
