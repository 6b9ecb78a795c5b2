import type { BlobEntry, BlobStore } from '../../domain/blob-store.ts';
import { isAlive } from '../../db/directory-lock.ts';

/**
 * Which blobs a start-up sweep removes. `leftovers` (the embedded store: one process owns its
 * data) removes what dead processes left and what this process wrote before it started (a
 * restarted container's server often gets the same pid again). `olderThan` (PostgreSQL: other
 * instances and workers may hold queued jobs whose blobs they wrote) removes only blobs not
 * written to for that many days, long after any job that needed them has finished.
 */
export type BlobSweep = { kind: 'leftovers' } | { kind: 'olderThan'; days: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sweep for a database engine: leftovers on PGlite, by age on PostgreSQL. */
export function blobSweepFor(engine: 'pglite' | 'postgres', days: number): BlobSweep {
  return engine === 'pglite' ? { kind: 'leftovers' } : { kind: 'olderThan', days };
}

/** Deletes the blobs `sweep` names; returns how many. */
export async function sweepBlobs(
  store: BlobStore,
  sweep: BlobSweep,
  now: Date = new Date(),
): Promise<number> {
  const swept = (await store.list()).filter((entry) => isSwept(entry, sweep, now));
  for (const entry of swept) await store.delete(entry.key);
  return swept.length;
}

function isSwept(entry: BlobEntry, sweep: BlobSweep, now: Date): boolean {
  if (sweep.kind === 'olderThan') {
    return entry.modifiedAt.getTime() < now.getTime() - sweep.days * DAY_MS;
  }
  const pid = entry.writerPid;
  if (pid === undefined) return false;
  if (pid !== process.pid) return !isAlive(pid);
  return entry.modifiedAt.getTime() < Date.now() - process.uptime() * 1000;
}
