import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Uploads over HTTP: where they are spooled and how much one user may send at once. */
export interface UploadConfig {
  /** Uploads are written here until imported or checked (CODECARD_UPLOAD_DIR). */
  dir: string;
  /** All files of one request together, in bytes (CODECARD_MAX_UPLOAD_TOTAL_MB). */
  maxRequestBytes: number;
  /** Uploads one user may be sending at once (CODECARD_MAX_CONCURRENT_UPLOADS). */
  maxConcurrentPerUser: number;
}

/**
 * The spool directory when none is configured and there is no data directory (PostgreSQL,
 * tests): one per OS user, so two users' servers on one machine never share it.
 */
export function defaultUploadDir(): string {
  return join(tmpdir(), `codecard-uploads-${process.getuid?.() ?? 'user'}`);
}
