import { randomUUID } from 'node:crypto';
import { CodecardError } from '../errors/codecard-error.ts';
import { importFile, type ImportResult } from './import.service.ts';
import type { ImportOptions, SourceFile } from './import-kind.ts';
import type { ImportProgress } from './import-progress.ts';
import type { LibraryContext } from './library-context.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: string;
  fileName: string;
  status: JobStatus;
  progress: ImportProgress;
  result?: ImportResult;
  error?: { code: string; message: string };
  createdAt: string;
}

const KEEP_FINISHED = 200;

/**
 * Uploads are imported one at a time in the background (the embedded database has a single
 * connection); callers poll a job for its progress and result.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private chain: Promise<void> = Promise.resolve();
  private readonly ctx: LibraryContext;

  constructor(ctx: LibraryContext) {
    this.ctx = ctx;
  }

  submit(
    file: SourceFile,
    options: ImportOptions,
  ): { job: ImportJob; finished: Promise<ImportJob> } {
    const job: ImportJob = {
      id: randomUUID(),
      fileName: file.fileName,
      status: 'queued',
      progress: { phase: 'detecting', done: 0, total: 0 },
      createdAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    this.prune();
    const finished = this.chain.then(() => this.run(job, file, options));
    this.chain = finished.then(() => undefined);
    return { job, finished };
  }

  get(id: string): ImportJob {
    const job = this.jobs.get(id);
    if (!job) throw new CodecardError('NOT_FOUND', { detail: `no import job ${id}` });
    return job;
  }

  /** Resolves when every submitted import has finished (for a clean shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async run(job: ImportJob, file: SourceFile, options: ImportOptions): Promise<ImportJob> {
    job.status = 'running';
    try {
      job.result = await importFile(this.ctx, file, options, (p) => (job.progress = p));
      job.status = 'done';
    } catch (error) {
      job.status = 'failed';
      job.error =
        error instanceof CodecardError
          ? { code: error.code, message: error.message }
          : { code: 'UNEXPECTED', message: 'the import failed unexpectedly; see the server log' };
      if (!(error instanceof CodecardError)) console.error(error);
    }
    return job;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter(
      (j) => j.status === 'done' || j.status === 'failed',
    );
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.id);
  }
}
