import { CodecardError } from '../errors/codecard-error.ts';
import {
  JOB_CANCELLED,
  type Job,
  type JobPolicy,
  type JobQueue,
  type JobRun,
} from '../domain/job-queue.ts';
import { findUnchanged, importFile } from './import.service.ts';
import type { ImportOptions } from './import-kind.ts';
import type { ImportProgress } from './import-progress.ts';
import { forOrg, type LibraryContext } from './library-context.ts';
import type { ImportResult } from './import-result.ts';
import type { SpooledFile } from './spooled-file.ts';
import type { BlobStore } from '../domain/blob-store.ts';
import { discardSpooled, readSpooled } from './intake/upload-spool.ts';
import { retryable } from '../jobs/job-failure.ts';

/** An import job's input: JSON, so it can wait in the database and run on another worker. */
export interface ImportJobInput {
  fileName: string;
  /** The organization that sees the job (the uploader's). */
  orgId: string;
  /** The library the document goes into (the reference data's when an admin imports it). */
  targetOrgId: string;
  /** The upload in the blob store (CODECARD_BLOB_DIR, shared by instances and workers). */
  file: Omit<SpooledFile, 'fileName'>;
  options: Omit<ImportOptions, 'signal'>;
}

export type ImportJob = Job<ImportJobInput, ImportProgress, ImportResult>;

const KIND = 'import';
const detecting: ImportProgress = { phase: 'detecting', done: 0, total: 0 };
/** A crashed worker's import starts over on another (it left nothing behind: see runImport). */
export const IMPORT_POLICY: JobPolicy = {
  retryLimit: 3,
  retryDelaySeconds: 2,
  backoff: true,
  keepFinished: 200,
};

/** The uploaded file is gone once its job has ended for good. */
function discardImportFile(store: BlobStore, file: ImportJobInput['file']): Promise<void> {
  // A blob that cannot be deleted now is a leftover a later start sweeps away.
  return discardSpooled(store, [file]).catch(() => {});
}

/**
 * Uploads are imported as jobs; callers poll a job for its progress and result. A cancel lands
 * at the next progress report and undoes the import (nothing of it is ever seen). A queued
 * upload waits on disk, not in memory: its file is read when its import starts and deleted when
 * the job has ended for good (done, cancelled, or failed without a retry left to run).
 */
export class ImportJobs {
  constructor(
    private readonly queue: JobQueue,
    /** Where uploads wait for their import (shared by every instance and worker). */
    private readonly blobs: BlobStore,
  ) {}

  /**
   * Imports into the organization of `ctx`; only the owner organization (by default that one;
   * the uploader's when an instance admin imports reference data) sees the job. The job owns
   * `file` from here on and deletes it.
   */
  async submit(
    ctx: LibraryContext,
    file: SpooledFile,
    options: ImportOptions,
    ownerOrgId: string = ctx.orgId,
  ): Promise<ImportJob> {
    // The signal is the job's own, given to each attempt where it runs.
    const serializable = { ...options };
    delete serializable.signal;
    const input: ImportJobInput = {
      fileName: file.fileName,
      orgId: ownerOrgId,
      targetOrgId: ctx.orgId,
      file: { key: file.key, size: file.size, sha256: file.sha256 },
      options: serializable,
    };
    const id = await this.queue.enqueue(KIND, input, {
      progress: detecting,
      policy: IMPORT_POLICY,
    });
    return this.get(ownerOrgId, id);
  }

  /** The job, if it belongs to `orgId`; another organization's job is NOT_FOUND like no job. */
  async get(orgId: string, id: string): Promise<ImportJob> {
    return owned(orgId, id, await this.queue.get(KIND, id));
  }

  /** The job once it has ended. */
  async finished(orgId: string, id: string): Promise<ImportJob> {
    await this.get(orgId, id);
    return owned(orgId, id, await this.queue.finished(KIND, id));
  }

  /** A queued job's file is deleted at once; a running one's when its import has rolled back. */
  async cancel(orgId: string, id: string): Promise<ImportJob> {
    const before = await this.get(orgId, id);
    await this.queue.cancel(KIND, id);
    if (before.status === 'queued') await discardImportFile(this.blobs, before.input.file);
    return this.get(orgId, id);
  }

  /** This process runs imports, into the libraries `base` reaches (every organization's). */
  work(base: LibraryContext): Promise<void> {
    return this.queue.work<ImportJobInput, ImportProgress, ImportResult>(KIND, (run) =>
      runImport(base, this.blobs, run),
    );
  }
}

function owned(orgId: string, id: string, job: ImportJob): ImportJob {
  if (job.input.orgId !== orgId)
    throw new CodecardError('NOT_FOUND', { detail: `no import job ${id}` });
  return job;
}

/**
 * One attempt at an import. Exactly once: an import is one transaction on PostgreSQL (a killed
 * worker's rolls back, leaving nothing to clean up) and the embedded store discards a killed
 * process's staged version when it next opens; an attempt that finds the file's hash already in
 * the library (its predecessor committed, then died before the job was marked done) reports it
 * as already imported instead of importing it twice.
 */
async function runImport(
  base: LibraryContext,
  blobs: BlobStore,
  run: JobRun<ImportJobInput, ImportProgress>,
): Promise<ImportResult> {
  const { input, signal } = run;
  const ctx = forOrg(base, input.targetOrgId);
  try {
    // The hash taken while the upload streamed in answers "already imported" unread.
    const result =
      (await findUnchanged(ctx, input.file.sha256)) ??
      (await importFile(
        ctx,
        {
          fileName: input.fileName,
          bytes: await readSpooled(blobs, input.file),
          sha256: input.file.sha256,
        },
        { ...input.options, signal },
        (progress) => {
          signal.throwIfAborted();
          run.progress(progress);
        },
      ));
    await discardImportFile(blobs, input.file);
    return result;
  } catch (error) {
    // A shut-down or lost worker's job runs again elsewhere and needs its file.
    if (signal.reason === JOB_CANCELLED || (!signal.aborted && !retryable(error)))
      await discardImportFile(blobs, input.file);
    throw error;
  }
}
