import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Uploads over HTTP: where they are stored and how much one user may send at once. */
export interface UploadConfig {
  /**
   * The blob directory: uploads are written here until imported or checked, by any instance or
   * worker, so all of them must share it (CODECARD_BLOB_DIR, or its older name
   * CODECARD_UPLOAD_DIR).
   */
  dir: string;
  /**
   * On PostgreSQL, blobs not written to for this many days are swept when an instance starts
   * (CODECARD_BLOB_SWEEP_DAYS); younger ones may belong to another instance's queued job. The
   * embedded store (one process) sweeps every leftover at start.
   */
  sweepAfterDays: number;
  /** All files of one request together, in bytes (CODECARD_MAX_UPLOAD_TOTAL_MB). */
  maxRequestBytes: number;
  /** Uploads one user may be sending at once (CODECARD_MAX_CONCURRENT_UPLOADS). */
  maxConcurrentPerUser: number;
}

/**
 * The blob directory when none is configured and there is no data directory (PostgreSQL,
 * tests): one per OS user, so two users' servers on one machine never share it.
 */
export function defaultUploadDir(): string {
  return join(tmpdir(), `codecard-uploads-${process.getuid?.() ?? 'user'}`);
}
