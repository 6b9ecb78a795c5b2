import { readFile, rm } from 'node:fs/promises';
import { CodecardError } from '../errors/codecard-error.ts';
import type { Job, JobQueue } from '../domain/job-queue.ts';
import { findUnchanged, importFile } from './import.service.ts';
import type { ImportOptions } from './import-kind.ts';
import type { ImportProgress } from './import-progress.ts';
import type { LibraryContext } from './library-context.ts';
import type { ImportResult } from './import-result.ts';
import type { SpooledFile } from './spooled-file.ts';

export type ImportJob = Job<{ fileName: string; orgId: string }, ImportProgress, ImportResult>;

const KIND = 'import';
const KEEP_FINISHED = 200;
const detecting: ImportProgress = { phase: 'detecting', done: 0, total: 0 };

/**
 * Uploads are imported as jobs (one at a time: the embedded database has a single connection);
 * callers poll a job for its progress and result. A cancel lands at the next progress report
 * and undoes the import (nothing of it is ever seen). A queued upload waits on disk, not in
 * memory: its file is read when its import starts and deleted when the job ends, however.
 */
export class ImportJobs {
  /** Spool files of jobs not finished yet, by job id. */
  private readonly spooled = new Map<string, string>();

  constructor(private readonly queue: JobQueue) {}

  /**
   * Imports into the organization of `ctx`; only the owner organization (by default that one;
   * the uploader's when an instance admin imports reference data) sees the job. The job owns
   * `file` from here on and deletes it.
   */
  submit(
    ctx: LibraryContext,
    file: SpooledFile,
    options: ImportOptions,
    ownerOrgId: string = ctx.orgId,
  ): { job: ImportJob; finished: Promise<ImportJob> } {
    const { job, finished } = this.queue.enqueue({
      kind: KIND,
      input: { fileName: file.fileName, orgId: ownerOrgId },
      progress: detecting,
      keepFinished: KEEP_FINISHED,
      run: async (run) => {
        // The hash taken while the upload streamed in answers "already imported" unread.
        const unchanged = await findUnchanged(ctx, file.sha256);
        if (unchanged) return unchanged;
        const bytes = await readFile(file.path);
        return importFile(
          ctx,
          { fileName: file.fileName, bytes },
          { ...options, signal: run.signal },
          (progress) => {
            run.signal.throwIfAborted();
            run.progress(progress);
          },
        );
      },
    });
    this.spooled.set(job.id, file.path);
    const discarded = finished.then(async (done) => {
      await this.discard(done.id);
      return done;
    });
    return { job, finished: discarded };
  }

  /** The job, if it belongs to `orgId`; another organization's job is NOT_FOUND like no job. */
  get(orgId: string, id: string): ImportJob {
    const job: ImportJob = this.queue.get(KIND, id);
    if (job.input.orgId !== orgId) {
      throw new CodecardError('NOT_FOUND', { detail: `no import job ${id}` });
    }
    return job;
  }

  /** A queued job's file is deleted at once; a running one's when its import has rolled back. */
  cancel(orgId: string, id: string): ImportJob {
    this.get(orgId, id);
    this.queue.cancel(KIND, id);
    const job = this.get(orgId, id);
    if (job.status === 'cancelled') void this.discard(id);
    return job;
  }

  private async discard(id: string): Promise<void> {
    const path = this.spooled.get(id);
    if (path === undefined) return;
    this.spooled.delete(id);
    // A file that cannot be deleted now is a leftover the next start sweeps away.
    await rm(path, { force: true }).catch(() => {});
  }
}
