import type { Readable } from 'node:stream';
import type { BlobStore } from '../../domain/blob-store.ts';
import type { SpooledFile } from '../spooled-file.ts';

/**
 * Uploads are streamed into the blob store as they arrive, so a request holds at most one chunk
 * of a file in memory whatever its size, and any instance or worker can read them later.
 */
export class UploadSpool {
  constructor(readonly store: BlobStore) {}

  /**
   * Streams `source` into a new blob, hashing and counting as it goes; `onChunk` sees each
   * chunk's size first and may throw to stop the upload (a limit). On any failure, the client's
   * abort included, nothing is kept and the error is rethrown.
   */
  async write(
    source: Readable,
    fileName: string,
    onChunk: (bytes: number) => void,
  ): Promise<SpooledFile> {
    const { key, size, sha256 } = await this.store.write(source, onChunk);
    return { fileName, key, size, sha256 };
  }
}

/** An uploaded file's bytes, whole (an import reads them so); BLOB_MISSING if it is gone. */
export async function readSpooled(
  store: BlobStore,
  file: Pick<SpooledFile, 'key'>,
): Promise<Buffer> {
  return store.readBytes(file.key);
}

/** An uploaded file's bytes as a stream (a claim file is parsed as it is read). */
export async function openSpooled(store: BlobStore, file: SpooledFile): Promise<Readable> {
  return store.read(file.key);
}

/** Deletes uploaded files nobody will read; already deleted is fine. */
export async function discardSpooled(
  store: BlobStore,
  files: readonly Pick<SpooledFile, 'key'>[],
): Promise<void> {
  await Promise.all(files.map((file) => store.delete(file.key)));
}
