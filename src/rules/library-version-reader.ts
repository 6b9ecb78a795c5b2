import { describeDbError } from '../db/describe-db-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { libraryVersionsCounted, type LibraryVersions } from './library-version.repository.ts';
import { currentLibraryVersions } from './library-versions.ts';

/** A replica slower than this to tell its version is skipped for the request. */
const REPLICA_TIMEOUT_MS = 2_000;
/** After a failure the replica is left alone this long (no request waits on a dead server). */
const REPLICA_PAUSE_MS = 30_000;

// Per replica (its fence, shared by every organization's context): when it may be tried again.
const pausedUntil = new WeakMap<object, number>();

/**
 * The context a read-only request (a card, a search, a single check) reads reference data
 * through: the read replica when it holds the same library as the primary, else the primary.
 * The library version always comes from the primary, so a replica that has not yet replayed an
 * import (or a removal) is never read: that request reads the primary instead. A replica that
 * fails or is slow to answer is skipped the same way, and left alone for 30 s. Nothing read
 * through the result may be written: the replica's sessions are read-only.
 *
 * `primary`: the primary's versions when the caller has them already (the card cache does).
 */
export async function readingContext(
  ctx: LibraryContext,
  primary?: LibraryVersions,
): Promise<LibraryContext> {
  const { readDb, ...rest } = ctx;
  if (!readDb) return ctx;
  const replica: object = ctx.readFence ?? readDb;
  if ((pausedUntil.get(replica) ?? 0) > Date.now()) return ctx;
  const [onPrimary, onReplica] = await Promise.all([
    primary ?? currentLibraryVersions(ctx),
    withTimeout(libraryVersionsCounted(readDb, ctx.orgId).then((read) => read.versions)).catch(
      (error: unknown) => {
        pausedUntil.set(replica, Date.now() + REPLICA_PAUSE_MS);
        warnOnce(error);
        return null;
      },
    ),
  ]);
  return onReplica && sameVersions(onPrimary, onReplica) ? { ...rest, db: readDb } : ctx;
}

export function sameVersions(a: LibraryVersions, b: LibraryVersions): boolean {
  return a.ncci === b.ncci && a.reference === b.reference;
}

function withTimeout<T>(query: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${REPLICA_TIMEOUT_MS} ms`)),
      REPLICA_TIMEOUT_MS,
    );
    timer.unref();
  });
  query.catch(() => {}); // a late failure is already handled as a timeout
  return Promise.race([query, late]).finally(() => clearTimeout(timer));
}

let warned = false;

function warnOnce(error: unknown): void {
  // Once per process: a replica that is down would otherwise log every 30 s.
  if (!warned)
    process.stderr.write(
      `codecard: the read replica did not answer (${describeDbError(error)}); reading from the primary meanwhile\n`,
    );
  warned = true;
}
