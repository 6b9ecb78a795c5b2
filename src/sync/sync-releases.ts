import type { LibraryContext } from '../library/library-context.ts';
import type { DownloadLimits } from './download.ts';
import { readMirror } from './mirror-source.ts';
import { syncEntry, type DatasetSyncOutcome, type SyncProgress } from './sync-release.ts';

export interface SyncSettings {
  /** CODECARD_SYNC_MIRROR: an index URL or path, or a folder; null: the shipped index. */
  mirror: string | null;
  limits: DownloadLimits;
  /** Unfinished downloads are kept here for the next run (beside the uploads); none: not kept. */
  partialDir?: string | null;
}

/** Checks every entry of the mirror in turn; one dataset's failure does not stop the others. */
export async function syncReleases(
  base: LibraryContext,
  settings: SyncSettings,
  options: {
    now?: () => Date;
    onProgress?: (progress: SyncProgress) => void;
    signal?: AbortSignal;
  } = {},
): Promise<DatasetSyncOutcome[]> {
  const entries = await readMirror(settings.mirror ?? undefined, settings.limits);
  const outcomes: DatasetSyncOutcome[] = [];
  for (const entry of entries) {
    options.signal?.throwIfAborted();
    outcomes.push(
      await syncEntry(base, entry, {
        ...options,
        limits: settings.limits,
        partialDir: settings.partialDir ?? null,
      }),
    );
  }
  return outcomes;
}
