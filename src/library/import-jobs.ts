import { CodecardError } from '../errors/codecard-error.ts';
import type { Job, JobQueue } from '../domain/job-queue.ts';
import { importFile } from './import.service.ts';
import type { ImportOptions, SourceFile } from './import-kind.ts';
import type { ImportProgress } from './import-progress.ts';
import type { LibraryContext } from './library-context.ts';
import type { ImportResult } from './import-result.ts';

export type ImportJob = Job<{ fileName: string; orgId: string }, ImportProgress, ImportResult>;

const KIND = 'import';
const KEEP_FINISHED = 200;
const detecting: ImportProgress = { phase: 'detecting', done: 0, total: 0 };

/**
 * Uploads are imported as jobs (one at a time: the embedded database has a single connection);
 * callers poll a job for its progress and result. A cancel lands at the next progress report
 * and undoes the import (nothing of it is ever seen).
 */
export class ImportJobs {
  constructor(private readonly queue: JobQueue) {}

  /**
   * Imports into the organization of `ctx`; only the owner organization (by default that one;
   * the uploader's when an instance admin imports reference data) sees the job.
   */
  submit(
    ctx: LibraryContext,
    file: SourceFile,
    options: ImportOptions,
    ownerOrgId: string = ctx.orgId,
  ): { job: ImportJob; finished: Promise<ImportJob> } {
    return this.queue.enqueue({
      kind: KIND,
      input: { fileName: file.fileName, orgId: ownerOrgId },
      progress: detecting,
      keepFinished: KEEP_FINISHED,
      run: (job) =>
        importFile(ctx, file, options, (progress) => {
          job.signal.throwIfAborted();
          job.progress(progress);
        }),
    });
  }

  /** The job, if it belongs to `orgId`; another organization's job is NOT_FOUND like no job. */
  get(orgId: string, id: string): ImportJob {
    const job: ImportJob = this.queue.get(KIND, id);
    if (job.input.orgId !== orgId) {
      throw new CodecardError('NOT_FOUND', { detail: `no import job ${id}` });
    }
    return job;
  }

  cancel(orgId: string, id: string): ImportJob {
    this.get(orgId, id);
    this.queue.cancel(KIND, id);
    return this.get(orgId, id);
  }
}
