import { z } from 'zod';

/** One dataset of the release sync: its last check, newest release held, next one expected. */
export const datasetSyncStatusSchema = z.object({
  dataset: z.string(),
  kind: z.string(),
  lastChecked: z.string().nullable(),
  /** imported | up-to-date | failed; null: never checked. */
  result: z.enum(['imported', 'up-to-date', 'failed']).nullable(),
  /** For a failure: the step (mirror, download, verify, import) and why. */
  failedStep: z.enum(['mirror', 'download', 'verify', 'import']).nullable(),
  message: z.string().nullable(),
  newestHeld: z
    .object({
      documentId: z.number(),
      release: z.string().nullable(),
      effective: z.string().nullable(),
      published: z.string().nullable(),
      /** Null: imported by hand (`import --reference`), not by a sync. */
      sourceUrl: z.string().nullable(),
    })
    .nullable(),
  /** By the publisher's calendar; null for datasets without one. */
  nextExpected: z.string().nullable(),
  overdue: z.boolean(),
});
export type DatasetSyncStatus = z.infer<typeof datasetSyncStatusSchema>;

export const syncStatusSchema = z.object({
  /** The mirror the entries come from (CODECARD_SYNC_MIRROR or the shipped index). */
  mirror: z.string(),
  /** Hours between scheduled checks; 0: no schedule. */
  intervalHours: z.number(),
  nextCheck: z.string().nullable(),
  /** Set when the mirror itself could not be read. */
  mirrorError: z.string().nullable(),
  datasets: z.array(datasetSyncStatusSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncJobSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
});
export type SyncJobView = z.infer<typeof syncJobSchema>;
