import type { UploadConfig } from '../config/upload-config.ts';
import { defaultUploadDir } from '../config/upload-config.ts';
import { openBlobStore } from '../library/blobs/open-blob-store.ts';
import { blobSweepFor } from '../library/blobs/sweep-blobs.ts';
import { UploadSpool } from '../library/intake/upload-spool.ts';
import type { UploadSettings } from './multipart-upload.ts';
import { UploadGate } from './upload-gate.ts';

/**
 * The blob store is opened (and swept: every leftover on the embedded store, only old blobs on
 * PostgreSQL, where other instances' queued jobs may still need theirs) before any upload
 * arrives.
 */
export async function openUploadSettings(
  uploads: Partial<UploadConfig> | undefined,
  maxUploadBytes: number,
  engine: 'pglite' | 'postgres',
): Promise<UploadSettings> {
  const sweep = blobSweepFor(engine, uploads?.sweepAfterDays ?? 7);
  const store = await openBlobStore(uploads?.dir ?? defaultUploadDir(), sweep);
  return {
    spool: new UploadSpool(store),
    gate: new UploadGate(uploads?.maxConcurrentPerUser ?? 2),
    maxFileBytes: maxUploadBytes,
    maxRequestBytes: uploads?.maxRequestBytes ?? 2 * maxUploadBytes,
  };
}
