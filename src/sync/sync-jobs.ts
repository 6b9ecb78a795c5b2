import type { JobPolicy, JobQueue, Job } from '../domain/job-queue.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { syncReleases, type SyncSettings } from './sync-releases.ts';
import type { DatasetSyncOutcome, SyncProgress } from './sync-release.ts';

/** Who asked: an instance admin's user id, or null for the schedule. */
export interface SyncJobInput {
  requestedBy: string | null;
}

export type SyncJobProgress = SyncProgress | null;
export type SyncJob = Job<SyncJobInput, SyncJobProgress, DatasetSyncOutcome[]>;

const KIND = 'release-sync';
/**
 * No retry: each dataset's failure is recorded and the next check (scheduled or asked for)
 * tries again; a crash mid-import left nothing behind (imports are atomic).
 */
const SYNC_POLICY: JobPolicy = {
  retryLimit: 0,
  retryDelaySeconds: 60,
  backoff: false,
  keepFinished: 20,
};

/** The release sync as a job: queued by the schedule or an admin, run where jobs run. */
export class ReleaseSyncJobs {
  constructor(
    private readonly queue: JobQueue,
    private readonly settings: SyncSettings,
  ) {}

  /** Queues a sync, unless one is already queued or running (that one's id is returned). */
  async submit(requestedBy: string | null): Promise<SyncJob> {
    const [unfinished] = await this.queue.unfinished<SyncJobInput>(KIND);
    const id =
      unfinished?.id ??
      (await this.queue.enqueue<SyncJobInput, SyncJobProgress>(
        KIND,
        { requestedBy },
        { progress: null, policy: SYNC_POLICY },
      ));
    return this.queue.get(KIND, id);
  }

  get(id: string): Promise<SyncJob> {
    return this.queue.get(KIND, id);
  }

  finished(id: string): Promise<SyncJob> {
    return this.queue.finished(KIND, id);
  }

  /**
   * Stops this process's syncs before its database closes (the embedded store: no other process
   * could take them over): each is cancelled and waited for; a download stops, an import rolls
   * back, and the next scheduled check starts again.
   */
  async cancelRunning(): Promise<void> {
    for (const job of await this.queue.unfinished(KIND)) await this.queue.cancel(KIND, job.id);
    await this.queue.idle(KIND);
  }

  /** This process runs syncs into the reference data `base` reaches. */
  work(base: LibraryContext): Promise<void> {
    return this.queue.work<SyncJobInput, SyncJobProgress, DatasetSyncOutcome[]>(KIND, (run) =>
      syncReleases(base, this.settings, {
        signal: run.signal,
        onProgress: (progress) => run.progress(progress),
      }),
    );
  }
}
