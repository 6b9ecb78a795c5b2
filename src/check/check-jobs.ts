import type { Claim } from '../claims/claim-types.ts';
import type { Job, JobQueue, JobRun } from '../domain/job-queue.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { LibraryContext } from '../library/library-context.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { checkClaims } from './check-claims.ts';

export interface CheckSummary {
  claims: number;
  claimsWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Claims checked so far, of all claims in the file. */
export interface CheckProgress {
  done: number;
  total: number;
}

export type CheckJob = Job<
  { fileName: string; lang: LocaleCode; orgId: string },
  CheckProgress,
  CheckSummary
>;

const KIND = 'check';
/** Finished jobs kept for download; each holds its whole result list, so few are kept. */
const KEEP_FINISHED = 20;
/** Claims checked between yields to the event loop, so status polls answer during a big batch. */
const YIELD_EVERY = 2_000;

/**
 * Batch checks run as jobs through the claim-check pipeline, with progress for polling and
 * results kept for download. Claims are parsed before a job is submitted, so a bad file is
 * refused at upload.
 */
export class CheckJobs {
  constructor(private readonly queue: JobQueue) {}

  /** Runs the check for the organization of `ctx`; only that organization sees the job. */
  submit(
    ctx: LibraryContext,
    fileName: string,
    claims: readonly Claim[],
    lang: LocaleCode,
  ): CheckJob {
    return this.queue.enqueue({
      kind: KIND,
      input: { fileName, lang, orgId: ctx.orgId },
      progress: { done: 0, total: claims.length },
      keepFinished: KEEP_FINISHED,
      run: (job: JobRun<CheckProgress, ClaimResult>) => this.run(ctx, job, claims, lang),
    }).job;
  }

  /** The job, if it belongs to `orgId`; another organization's job is NOT_FOUND like no job. */
  get(orgId: string, id: string): CheckJob {
    const job: CheckJob = this.queue.get(KIND, id);
    if (job.input.orgId !== orgId)
      throw new CodecardError('NOT_FOUND', { detail: `no check job ${id}` });
    return job;
  }

  cancel(orgId: string, id: string): CheckJob {
    this.get(orgId, id);
    this.queue.cancel(KIND, id);
    return this.get(orgId, id);
  }

  /** Resolves when every submitted check has finished (for a clean shutdown). */
  idle(): Promise<void> {
    return this.queue.idle(KIND);
  }

  /**
   * Forgets checks that finished before `cutoff` (question retention): their results carry the
   * claims' ids, codes and diagnoses. Only the server's memory holds them; nothing is stored.
   */
  forgetFinishedBefore(cutoff: Date): number {
    return this.queue.forgetFinished(KIND, cutoff);
  }

  /** The results of a finished job; a job still running (or failed) has none yet. */
  resultsOf(orgId: string, id: string): AsyncIterable<ClaimResult> {
    const job = this.get(orgId, id);
    if (job.status === 'failed')
      throw new CodecardError('NOT_READY', {
        detail: `check job ${id} failed, so it has no results: ${job.error?.message ?? ''}`,
      });
    if (job.status !== 'done')
      throw new CodecardError('NOT_READY', {
        detail: `check job ${id} is ${job.status} (${job.progress.done} of ${job.progress.total} claims checked); its results are ready when its status is done`,
      });
    return this.queue.results(KIND, id);
  }

  private async run(
    ctx: LibraryContext,
    job: JobRun<CheckProgress, ClaimResult>,
    claims: readonly Claim[],
    lang: LocaleCode,
  ): Promise<CheckSummary> {
    const summary: CheckSummary = {
      claims: 0,
      claimsWithErrors: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
    };
    const options = { lang, yieldEvery: YIELD_EVERY, signal: job.signal };
    // One progress object, updated in place: a batch reports after every claim.
    const progress: CheckProgress = { done: 0, total: claims.length };
    for await (const result of checkClaims(ctx, claims, options)) {
      job.emit(result);
      summary.claims++;
      if (result.summary.errors > 0) summary.claimsWithErrors++;
      summary.errors += result.summary.errors;
      summary.warnings += result.summary.warnings;
      summary.infos += result.summary.infos;
      progress.done = summary.claims;
      job.progress(progress);
    }
    return summary;
  }
}
