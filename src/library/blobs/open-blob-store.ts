import { DirectoryBlobStore } from './directory-blob-store.ts';
import { sweepBlobs, type BlobSweep } from './sweep-blobs.ts';

/**
 * The blob store of `dir` (CODECARD_BLOB_DIR), created or checked, and swept as `sweep` says
 * before anything is written: what `serve` and `worker` open at start.
 */
export async function openBlobStore(dir: string, sweep: BlobSweep): Promise<DirectoryBlobStore> {
  const store = new DirectoryBlobStore(dir);
  await store.open();
  await sweepBlobs(store, sweep);
  return store;
}
