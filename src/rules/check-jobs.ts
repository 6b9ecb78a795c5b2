import { randomUUID } from 'node:crypto';
import type { Claim } from '../claims/claim-types.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { CheckEventAccumulator, recordCheck } from '../events/check-event.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { claimChecker, type ClaimResult } from './check-claims.service.ts';

export type CheckJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface CheckSummary {
  claims: number;
  claimsWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckJob {
  id: string;
  fileName: string;
  lang: LocaleCode;
  status: CheckJobStatus;
  /** Claims checked so far, of all claims in the file. */
  progress: { done: number; total: number };
  createdAt: string;
  finishedAt?: string;
  summary?: CheckSummary;
  error?: { code: string; message: string };
}

/** Finished jobs kept for download; each holds its whole result list, so few are kept. */
const KEEP_FINISHED = 20;
/** Claims checked between yields to the event loop, so status polls answer during a big batch. */
const YIELD_EVERY = 2_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Batch checks run in the background, one at a time (a check is CPU-bound: running two at once
 * would only make both slower), with progress for polling and results kept for download.
 * Claims are parsed before a job is submitted, so a bad file is refused at upload.
 */
export class CheckJobs {
  private readonly jobs = new Map<string, CheckJob>();
  private readonly results = new Map<string, readonly ClaimResult[]>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: LibraryContext) {}

  submit(fileName: string, claims: readonly Claim[], lang: LocaleCode): CheckJob {
    const job: CheckJob = {
      id: randomUUID(),
      fileName,
      lang,
      status: 'queued',
      progress: { done: 0, total: claims.length },
      createdAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    this.prune();
    this.chain = this.chain.then(() => this.run(job, claims));
    return job;
  }

  get(id: string): CheckJob {
    const job = this.jobs.get(id);
    if (!job) throw new CodecardError('NOT_FOUND', { detail: `no check job ${id}` });
    return job;
  }

  /** The results of a finished job; a job still running (or failed) has none yet. */
  resultsOf(id: string): readonly ClaimResult[] {
    const job = this.get(id);
    const results = this.results.get(id);
    if (job.status === 'failed')
      throw new CodecardError('NOT_READY', {
        detail: `check job ${id} failed, so it has no results: ${job.error?.message ?? ''}`,
      });
    if (!results)
      throw new CodecardError('NOT_READY', {
        detail: `check job ${id} is ${job.status} (${job.progress.done} of ${job.progress.total} claims checked); its results are ready when its status is done`,
      });
    return results;
  }

  /** Resolves when every submitted check has finished (for a clean shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async run(job: CheckJob, claims: readonly Claim[]): Promise<void> {
    job.status = 'running';
    try {
      const check = await claimChecker(this.ctx, job.lang);
      const results: ClaimResult[] = [];
      const summary: CheckSummary = {
        claims: 0,
        claimsWithErrors: 0,
        errors: 0,
        warnings: 0,
        infos: 0,
      };
      const checked = new CheckEventAccumulator();
      for (const claim of claims) {
        const result = check(claim);
        results.push(result);
        checked.add(claim, result);
        summary.claims++;
        if (result.summary.errors > 0) summary.claimsWithErrors++;
        summary.errors += result.summary.errors;
        summary.warnings += result.summary.warnings;
        summary.infos += result.summary.infos;
        job.progress.done++;
        if (job.progress.done % YIELD_EVERY === 0) await yieldToEventLoop();
      }
      this.results.set(job.id, results);
      recordCheck(this.ctx, checked);
      job.summary = summary;
      job.status = 'done';
    } catch (error) {
      job.status = 'failed';
      job.error =
        error instanceof CodecardError
          ? { code: error.code, message: error.message }
          : { code: 'UNEXPECTED', message: 'the check failed unexpectedly; see the server log' };
      if (!(error instanceof CodecardError)) console.error(error);
    }
    job.finishedAt = new Date().toISOString();
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter(
      (j) => j.status === 'done' || j.status === 'failed',
    );
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(job.id);
      this.results.delete(job.id);
    }
  }
}
