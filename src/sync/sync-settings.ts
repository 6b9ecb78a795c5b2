import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { SyncSettings } from './sync-releases.ts';

/** A minute without a byte: the publishers' servers are slow but never that slow. */
const IDLE_TIMEOUT_MS = 60_000;
/** Resumes per file: enough for a flaky line, few enough to fail a dead one in minutes. */
const MAX_RESUMES = 5;

export type ReleaseSyncSettings = SyncSettings & { intervalHours: number };

/** The sync as configured: the mirror, the schedule, and downloads capped like uploads. */
export function releaseSyncSettings(
  config: Pick<Config, 'sync' | 'maxUploadBytes'> & Partial<Pick<Config, 'uploads'>>,
): ReleaseSyncSettings {
  return {
    mirror: config.sync.mirror,
    // In the blob directory (shared by instances and workers, outside the blob sweep's names),
    // so whichever process runs the next sync resumes the file.
    partialDir: config.uploads ? join(config.uploads.dir, 'sync-downloads') : null,
    intervalHours: config.sync.intervalHours,
    limits: {
      maxBytes: config.maxUploadBytes,
      idleTimeoutMs: IDLE_TIMEOUT_MS,
      maxResumes: MAX_RESUMES,
    },
  };
}
