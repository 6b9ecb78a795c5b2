import { setImmediate } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { Claim } from '../claims/claim-types.ts';
import type { Db } from '../db/database.ts';
import {
  JOB_CANCELLED,
  type JobError,
  type JobPolicy,
  type JobQueue,
  type JobRun,
} from '../domain/job-queue.ts';
import { retryable } from '../jobs/job-failure.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { dbFault } from '../db/db-fault.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { checkClaims } from './check-claims.ts';
import { checkJobOf, countsOf, type CheckJob } from './check-job.ts';
import {
  deleteCheckJobRows,
  findCheckJob,
  insertCheckJob,
  moveCheckJob,
  unfinishedCheckJobs,
} from './check-job.repository.ts';
import {
  claimChunksAfter,
  insertClaimChunks,
  type ClaimChunk,
} from './check-job-claims.repository.ts';
import { checkResultsAfter } from './check-results.repository.ts';
import {
  CLAIMS_PER_CHUNK,
  packAll,
  unpackClaims,
  type PackedClaims,
} from '../claims/claim-chunks.ts';
import {
  CheckResultWriter,
  defaultWriterLimits,
  type ResultWriterLimits,
} from './check-result-writer.ts';

export interface CheckJobsOptions {
  /** How many results, or how long, a batch waits before it is stored. */
  writer?: ResultWriterLimits;
  /** Runs after each stored batch (a test stops a run there, as a killed process would). */
  afterWrite?: (jobId: string, done: number) => Promise<void>;
}

/** A page of stored results; `next` is the `after` of the following page, null at the end. */
export interface CheckResultsPage {
  claims: ClaimResult[];
  next: number | null;
}

const KIND = 'check';
/**
 * Checking time between yields to the event loop: requests (cards, status polls) wait at most
 * about this long behind a batch in the same process. Was 250 claims, 11-60 ms depending on the
 * library and the machine's load.
 */
const YIELD_AFTER_MS = 10;
/** Chunks of claims per insert at submit. */
const CHUNKS_PER_INSERT = 10;
/** Results per read for a download (~1 MB of JSON). */
const RESULTS_PER_READ = 200;

const isActive = (job: CheckJob) => job.status === 'queued' || job.status === 'running';

/** A check job's queue input: which batch, in which organization. */
export interface CheckRunInput {
  checkJobId: string;
  orgId: string;
}

/**
 * A worker that died or stopped mid-batch hands it to a retry, which resumes after the last
 * stored result; so does a database outage. Another failure ends the batch failed and resumable.
 */
export const CHECK_POLICY: JobPolicy = {
  retryLimit: 5,
  retryDelaySeconds: 1,
  backoff: true,
  keepFinished: 0,
};

/**
 * Batch checks, kept in the database: the claims are stored at submit (parsed by the route, so
 * a bad file is refused at upload), results are stored as they are produced, and downloads read
 * them back page by page, so the process holds one batch of results at a time whatever the size
 * of the file. The queue only decides when and where a job runs (one check at a time per
 * worker) and carries its cancel signal. On PostgreSQL a worker that dies mid-batch has its job
 * retried on another, which resumes after the last stored result (results are unique by seq).
 * On the embedded store (one process) a job a stopped process left unfinished becomes failed
 * and resumable when the store is next opened (`start`); `resume` continues it.
 */
export class CheckJobs {
  private constructor(
    private readonly queue: JobQueue,
    private readonly options: CheckJobsOptions,
  ) {}

  /**
   * The batch checks of a store. On the embedded store, jobs left queued or running are from a
   * process that stopped (one process per store): they become failed and resumable. On
   * PostgreSQL they may be another instance's, running: the durable queue retries the dead ones.
   * `store.db` is the server's own view of the store (every organization).
   */
  static async start(
    queue: JobQueue,
    store: { db: Db; engine: 'pglite' | 'postgres' },
    options: CheckJobsOptions = {},
  ): Promise<CheckJobs> {
    if (store.engine === 'pglite') await markInterrupted(store.db);
    return new CheckJobs(queue, options);
  }

  /** This process runs batch checks, for the organizations `base` reaches (every one). */
  work(base: LibraryContext): Promise<void> {
    return this.queue.work<CheckRunInput, null, null>(KIND, async (run) => {
      await this.run(forOrg(base, run.input.orgId), run);
      return null;
    });
  }

  /** Stores the claims and queues the check for the organization of `ctx`, which alone sees it. */
  submit(
    ctx: LibraryContext,
    fileName: string,
    claims: readonly Claim[],
    lang: LocaleCode,
  ): Promise<CheckJob> {
    return this.submitPacked(ctx, fileName, packAll(claims), lang);
  }

  /** As `submit`, for claims already packed where they were read (a batch upload's thread). */
  async submitPacked(
    ctx: LibraryContext,
    fileName: string,
    claims: PackedClaims,
    lang: LocaleCode,
  ): Promise<CheckJob> {
    const job = { id: randomUUID(), orgId: ctx.orgId };
    // One transaction: a job exists only with all its claims, so it can always be resumed.
    await ctx.db.transaction().execute(async (trx) => {
      await insertCheckJob(trx, { ...job, fileName, lang, total: claims.count });
      for (let at = 0; at < claims.chunks.length; at += CHUNKS_PER_INSERT) {
        const chunks: ClaimChunk[] = claims.chunks
          .slice(at, at + CHUNKS_PER_INSERT)
          .map((packed, i) => {
            const index = at + i;
            const seq = index * CLAIMS_PER_CHUNK + 1;
            return {
              seq,
              count: Math.min(CLAIMS_PER_CHUNK, claims.count - seq + 1),
              claims: packed,
            };
          });
        await insertClaimChunks(trx, ctx.engine, job, chunks);
        // The embedded database answers in microtasks: a turn of the event loop per insert
        // keeps a 100,000-claim submit from holding every other request for seconds.
        await setImmediate();
      }
    });
    await this.schedule(ctx, job.id);
    return this.get(ctx, job.id);
  }

  /** The job, if it belongs to the organization of `ctx`; another's is NOT_FOUND like no job. */
  async get(ctx: LibraryContext, id: string): Promise<CheckJob> {
    const row = await findCheckJob(ctx.db, ctx.orgId, id);
    if (!row) throw new CodecardError('NOT_FOUND', { detail: `no check job ${id}` });
    if (row.status === 'running' && (await this.abandoned(id))) {
      await markInterruptedJob(ctx.db, row);
      return this.get(ctx, id);
    }
    return checkJobOf(row);
  }

  /**
   * A running check whose queue job is over: its worker died on the last attempt the queue
   * allows (the supervisor then fails the queue job for good), so nothing will ever move the
   * check on. It becomes failed and resumable when it is next read. A check is `running` only
   * while its queue job runs or waits for a retry, so this never catches a live one; the move
   * is conditional on `running`, so one that finishes meanwhile keeps `done`.
   */
  private async abandoned(id: string): Promise<boolean> {
    const unfinished = await this.queue.unfinished<CheckRunInput>(KIND);
    return !unfinished.some((job) => job.input.checkJobId === id);
  }

  /** Cancels a queued job at once and a running one before its next claim; it keeps no rows. */
  async cancel(ctx: LibraryContext, id: string): Promise<CheckJob> {
    const job = await this.get(ctx, id);
    if (
      job.status === 'queued' &&
      (await moveCheckJob(ctx.db, ctx.orgId, id, 'queued', { status: 'cancelled' }))
    )
      await deleteCheckJobRows(ctx.db, ctx.orgId, id);
    // A running check stops on whichever worker runs it, at its next claim.
    for (const queued of await this.queue.unfinished<CheckRunInput>(KIND))
      if (queued.input.checkJobId === id && queued.input.orgId === ctx.orgId)
        await this.queue.cancel(KIND, queued.id);
    return this.get(ctx, id);
  }

  /** Continues a failed job after its last stored result. */
  async resume(ctx: LibraryContext, id: string): Promise<CheckJob> {
    const job = await this.get(ctx, id);
    const reopened =
      job.status === 'failed' &&
      job.resumable &&
      (await moveCheckJob(ctx.db, ctx.orgId, id, 'failed', { status: 'queued' }));
    if (!reopened)
      throw new CodecardError('NOT_READY', {
        detail: `check job ${id} is ${job.status}; only a failed check can be resumed`,
      });
    await this.schedule(ctx, id);
    return this.get(ctx, id);
  }

  /** Resolves when every check running in this process has finished (for a clean shutdown). */
  idle(): Promise<void> {
    return this.queue.idle(KIND);
  }

  /** A finished job's results, read from the store a page at a time as they are consumed. */
  async results(ctx: LibraryContext, id: string): Promise<AsyncIterable<ClaimResult>> {
    const job = await this.get(ctx, id);
    if (job.status === 'failed')
      throw new CodecardError('NOT_READY', {
        detail: `check job ${id} failed, so its results are not complete: ${job.error?.message ?? ''}`,
      });
    if (job.status !== 'done')
      throw new CodecardError('NOT_READY', {
        detail: `check job ${id} is ${job.status} (${job.progress.done} of ${job.progress.total} claims checked); its results are ready when its status is done`,
      });
    return storedResults(ctx, id);
  }

  /**
   * The results stored after position `after` (the results of claims after+1 …), at most
   * `limit`, whatever the job's status: a running job's results are readable as they come.
   */
  async resultsPage(
    ctx: LibraryContext,
    id: string,
    after: number,
    limit: number,
  ): Promise<CheckResultsPage> {
    const job = await this.get(ctx, id);
    const items = await checkResultsAfter(ctx.db, job, after, limit);
    const last = items.at(-1)?.seq ?? after;
    const more = items.length === limit || isActive(job);
    return { claims: items.map((item) => parseResult(item.json)), next: more ? last : null };
  }

  private async schedule(ctx: LibraryContext, id: string): Promise<void> {
    const input: CheckRunInput = { checkJobId: id, orgId: ctx.orgId };
    await this.queue.enqueue(KIND, input, { progress: null, policy: CHECK_POLICY });
  }

  private async run(ctx: LibraryContext, job: JobRun<CheckRunInput, null>): Promise<void> {
    const { signal, attempt } = job;
    const id = job.input.checkJobId;
    // A job cancelled while it waited stays cancelled; a retry takes over its running batch.
    const started =
      (await moveCheckJob(ctx.db, ctx.orgId, id, 'queued', { status: 'running' })) ||
      (attempt > 1 && (await findCheckJob(ctx.db, ctx.orgId, id))?.status === 'running');
    if (!started) return;
    const row = (await findCheckJob(ctx.db, ctx.orgId, id))!;
    const afterWrite = this.options.afterWrite;
    const writer = new CheckResultWriter(
      ctx,
      id,
      countsOf(row),
      this.options.writer ?? defaultWriterLimits,
      (done) => afterWrite?.(id, done) ?? Promise.resolve(),
    );
    try {
      const claims = storedClaims(ctx, id, row.done);
      const options = { lang: row.lang as LocaleCode, yieldAfterMs: YIELD_AFTER_MS, signal };
      for await (const result of checkClaims(ctx, claims, options)) await writer.add(result);
      await writer.flush();
      await moveCheckJob(ctx.db, ctx.orgId, id, 'running', { status: 'done' });
    } catch (error) {
      // Stopped with its worker, or given up as lost, or the database is out of reach: the
      // job stays running and the queue's retry resumes it after its last stored result.
      const retried = signal.aborted
        ? signal.reason !== JOB_CANCELLED
        : retryable(error) && attempt <= CHECK_POLICY.retryLimit;
      if (retried) throw error;
      await this.stopped(ctx, id, signal.aborted, error);
    }
  }

  private async stopped(
    ctx: LibraryContext,
    id: string,
    cancelled: boolean,
    error: unknown,
  ): Promise<void> {
    if (cancelled) {
      await moveCheckJob(ctx.db, ctx.orgId, id, 'running', { status: 'cancelled' });
      await deleteCheckJobRows(ctx.db, ctx.orgId, id);
      return;
    }
    if (!(error instanceof CodecardError)) console.error(error);
    const failure: JobError =
      error instanceof CodecardError
        ? { code: error.code, message: error.message }
        : { code: 'UNEXPECTED', message: 'the check failed unexpectedly; see the server log' };
    // Everything up to the last stored batch stands: a resume continues from there.
    await moveCheckJob(ctx.db, ctx.orgId, id, 'running', {
      status: 'failed',
      failure,
      resumable: true,
    });
  }
}

const parseResult = (json: string) => JSON.parse(json) as ClaimResult;

/** A finished job's results, read a page at a time as the consumer asks for them. */
async function* storedResults(ctx: LibraryContext, id: string): AsyncGenerator<ClaimResult> {
  const job = { id, orgId: ctx.orgId };
  let after = 0;
  for (;;) {
    const page = await checkResultsAfter(ctx.db, job, after, RESULTS_PER_READ);
    for (const item of page) yield parseResult(item.json);
    if (page.length < RESULTS_PER_READ) return;
    after = page.at(-1)!.seq;
    // The embedded database answers in microtasks: without a turn of the event loop between
    // pages a download ran as one task for seconds, and nothing else (health included) ran.
    await setImmediate();
  }
}

/** A job's claims after position `after` (those not checked yet), a chunk at a time. */
async function* storedClaims(
  ctx: LibraryContext,
  id: string,
  after: number,
): AsyncGenerator<Claim> {
  const job = { id, orgId: ctx.orgId };
  let last = after;
  for (;;) {
    const [chunk] = await claimChunksAfter(ctx.db, job, last, 1);
    if (!chunk) return;
    const claims = unpackClaims(chunk.claims);
    for (let i = Math.max(0, last + 1 - chunk.seq); i < claims.length; i++) yield claims[i]!;
    last = chunk.seq + chunk.count - 1;
  }
}

/** A check nothing runs any more becomes failed and resumable, keeping what it stored. */
async function markInterruptedJob(
  db: Db,
  row: { org_id: string; id: string; status: CheckJob['status']; done: number; total: number },
): Promise<void> {
  const stopped = new CodecardError('CHECK_INTERRUPTED', { done: row.done, total: row.total });
  await moveCheckJob(db, row.org_id, row.id, row.status, {
    status: 'failed',
    resumable: true,
    failure: { code: stopped.code, message: stopped.message },
  });
}

/**
 * Jobs left queued or running by a process that stopped become failed and resumable. A server
 * that starts while its database is unreachable still starts (its requests get 503 until the
 * database is back); the jobs are then marked at the next start.
 */
async function markInterrupted(db: Db): Promise<void> {
  try {
    for (const row of await unfinishedCheckJobs(db)) await markInterruptedJob(db, row);
  } catch (error) {
    if (dbFault(error) !== 'unavailable') throw error;
    console.warn(
      'batch checks: the database is unreachable; interrupted checks are marked at the next start',
    );
  }
}
