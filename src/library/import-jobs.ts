import type { Job, JobQueue } from '../domain/job-queue.ts';
import { importFile } from './import.service.ts';
import type { ImportOptions, SourceFile } from './import-kind.ts';
import type { ImportProgress } from './import-progress.ts';
import type { LibraryContext } from './library-context.ts';
import type { ImportResult } from './import-result.ts';

export type ImportJob = Job<{ fileName: string }, ImportProgress, ImportResult>;

const KIND = 'import';
const KEEP_FINISHED = 200;
const detecting: ImportProgress = { phase: 'detecting', done: 0, total: 0 };

/**
 * Uploads are imported as jobs (one at a time: the embedded database has a single connection);
 * callers poll a job for its progress and result. A cancel lands at the next progress report
 * and rolls the import back (it is one transaction).
 */
export class ImportJobs {
  constructor(
    private readonly ctx: LibraryContext,
    private readonly queue: JobQueue,
  ) {}

  submit(
    file: SourceFile,
    options: ImportOptions,
  ): { job: ImportJob; finished: Promise<ImportJob> } {
    return this.queue.enqueue({
      kind: KIND,
      input: { fileName: file.fileName },
      progress: detecting,
      keepFinished: KEEP_FINISHED,
      run: (job) =>
        importFile(this.ctx, file, options, (progress) => {
          job.signal.throwIfAborted();
          job.progress(progress);
        }),
    });
  }

  get(id: string): ImportJob {
    return this.queue.get(KIND, id);
  }

  cancel(id: string): ImportJob {
    this.queue.cancel(KIND, id);
    return this.get(id);
  }
}
