import { DirectoryBlobStore } from './directory-blob-store.ts';
import { sweepBlobs, type BlobSweep } from './sweep-blobs.ts';

/** How often a long-running process sweeps a shared directory by age again: 6 hours. */
const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * The blob store of `dir` (CODECARD_BLOB_DIR), created or checked, and swept as `sweep` says
 * before anything is written: what `serve` and `worker` open at start. A sweep by age (the
 * shared directory of PostgreSQL deployments) runs again every `sweepEveryMs` while the process
 * lives, so instances that run for months do not keep every upload: each instance sweeps, and
 * a blob two of them delete at once is deleted once (deletes ignore a missing file).
 */
export async function openBlobStore(
  dir: string,
  sweep: BlobSweep,
  { sweepEveryMs = SWEEP_EVERY_MS }: { sweepEveryMs?: number } = {},
): Promise<DirectoryBlobStore> {
  const store = new DirectoryBlobStore(dir);
  await store.open();
  await sweepBlobs(store, sweep);
  if (sweep.kind === 'olderThan') {
    const again = setInterval(() => {
      sweepBlobs(store, sweep).catch((error: unknown) =>
        console.warn(
          `blob store: the sweep of ${dir} failed (${error instanceof Error ? error.message : String(error)}); it runs again later`,
        ),
      );
    }, sweepEveryMs);
    again.unref(); // never what keeps a process alive
  }
  return store;
}
