import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Db } from '../db/database.ts';
import {
  JOB_CANCELLED,
  JOB_LOST,
  JOB_SHUTDOWN,
  type EnqueueOptions,
  type Job,
  type JobCounts,
  type JobError,
  type JobHandler,
  type JobQueue,
  type JobStatus,
} from '../domain/job-queue.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { jobFailure, retryable } from './job-failure.ts';
import {
  beatJobRuns,
  createBossQueueOnce,
  bossDbOf,
  bossJobCounts,
  bossJobStates,
  findBossJob,
  spendRetries,
  staleBossJobs,
  startJobRun,
  unfinishedBossJobs,
  withSupervisorLock,
  type BossJobRow,
  type BossState,
} from './job-runs.repository.ts';

export interface PgBossQueueOptions {
  /** The server's own view of the store (every organization); pg-boss runs through it. */
  db: Db;
  /** pg-boss's schema (default pgboss). */
  schema?: string;
  /**
   * This process runs jobs (a worker, or serve without CODECARD_RUN_JOBS=0): it beats for its
   * running jobs, supervises everyone's, and runs pg-boss's maintenance and cron schedules.
   */
  runJobs: boolean;
  /** How often a running job's heartbeat and progress are written (default 2 s). */
  heartbeatSeconds?: number;
  /** A running job whose heartbeat is older than this is retried elsewhere (default 30 s). */
  staleSeconds?: number;
  /** How often an idle worker asks for a job (default 1 s). */
  pollingSeconds?: number;
  log?: (message: string) => void;
}

interface Envelope {
  input: unknown;
  progress: unknown;
}

interface Running {
  kind: string;
  retryCount: number;
  abort: AbortController;
  progress: unknown;
  ended: Promise<void>;
}

/** pg-boss's limit on one run (it allows under 24 h): the heartbeat finds a dead worker. */
const EXPIRE_SECONDS = 23 * 60 * 60;

const statusOf: Record<BossState, JobStatus> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'done',
  cancelled: 'cancelled',
  failed: 'failed',
};

/**
 * Durable jobs on PostgreSQL with pg-boss 10: jobs wait in pg-boss's tables, any instance
 * enqueues, reads and cancels, and every process that runs jobs (`codecard worker`, or `serve`)
 * takes one job per kind at a time. pg-boss 10 has no heartbeat, so this adds one (job_runs):
 * each running job beats every few seconds, and a supervisor on every worker (one at a time,
 * under an advisory lock) fails the active jobs whose beat went stale, so pg-boss retries them
 * on another worker. The same beat carries progress to every instance and brings back cancels
 * and lost runs (the job is no longer this run's) as an abort of the handler's signal.
 */
export class PgBossJobQueue implements JobQueue {
  private readonly running = new Map<string, Running>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly schema: string;
  private readonly heartbeatSeconds: number;
  private readonly staleSeconds: number;
  private readonly log: (message: string) => void;
  private ticking: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(
    private readonly boss: PgBoss,
    private readonly options: PgBossQueueOptions,
  ) {
    this.schema = options.schema ?? 'pgboss';
    this.heartbeatSeconds = options.heartbeatSeconds ?? 2;
    this.staleSeconds = options.staleSeconds ?? 30;
    this.log = options.log ?? ((m) => process.stderr.write(`codecard jobs: ${m}\n`));
  }

  /** Starts pg-boss (creating its schema on first use) and, when running jobs, the beats. */
  static async open(options: PgBossQueueOptions): Promise<PgBossJobQueue> {
    const boss = new PgBoss({
      db: bossDbOf(options.db),
      schema: options.schema ?? 'pgboss',
      supervise: options.runJobs,
      schedule: options.runJobs,
      migrate: true,
      expireInSeconds: EXPIRE_SECONDS,
    });
    const queue = new PgBossJobQueue(boss, options);
    boss.on('error', (error: Error) => queue.log(`pg-boss: ${error.message}`));
    await boss.start();
    if (options.runJobs) queue.startBeating();
    return queue;
  }

  async enqueue<Input, Progress>(
    kind: string,
    input: Input,
    options: EnqueueOptions<Progress>,
  ): Promise<string> {
    await this.ensureQueue(kind);
    const data: Envelope = { input, progress: options.progress };
    const id = await this.boss.send(kind, data, {
      id: options.id ?? randomUUID(),
      retryLimit: options.policy.retryLimit,
      retryDelay: options.policy.retryDelaySeconds,
      retryBackoff: options.policy.backoff,
      expireInSeconds: EXPIRE_SECONDS,
    });
    if (id === null)
      throw new CodecardError('BAD_INPUT', { detail: `a ${kind} job with that id exists` });
    return id;
  }

  async work<Input, Progress, Outcome>(
    kind: string,
    handler: JobHandler<Input, Progress, Outcome>,
  ): Promise<void> {
    await this.ensureQueue(kind);
    await this.boss.work<Envelope>(
      kind,
      {
        batchSize: 1,
        includeMetadata: true,
        pollingIntervalSeconds: this.options.pollingSeconds ?? 1,
      },
      async ([job]) => {
        if (job) await this.run(kind, job, handler as JobHandler<unknown, unknown, unknown>);
      },
    );
  }

  async get<Input, Progress, Outcome>(
    kind: string,
    id: string,
  ): Promise<Job<Input, Progress, Outcome>> {
    const row = isUuid(id) ? await findBossJob(this.options.db, this.schema, kind, id) : undefined;
    if (!row) throw new CodecardError('NOT_FOUND', { detail: `no ${kind} job ${id}` });
    return jobOf<Input, Progress, Outcome>(kind, row);
  }

  async finished<Input, Progress, Outcome>(
    kind: string,
    id: string,
  ): Promise<Job<Input, Progress, Outcome>> {
    for (;;) {
      const job = await this.get<Input, Progress, Outcome>(kind, id);
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async cancel(kind: string, id: string): Promise<void> {
    await this.get(kind, id);
    await this.boss.cancel(kind, id);
    // A run in this process stops at once; one elsewhere at its next beat.
    this.running.get(id)?.abort.abort(JOB_CANCELLED);
  }

  async unfinished<Input>(kind: string): Promise<{ id: string; input: Input }[]> {
    await this.ensureQueue(kind);
    const rows = await unfinishedBossJobs(this.options.db, this.schema, kind);
    return rows.map((row) => ({ id: row.id, input: (row.data as Envelope).input as Input }));
  }

  async counts(kind: string): Promise<JobCounts> {
    await this.ensureQueue(kind);
    return bossJobCounts(this.options.db, this.schema, kind);
  }

  async idle(kind?: string): Promise<void> {
    const runs = [...this.running.values()].filter((r) => kind === undefined || r.kind === kind);
    await Promise.all(runs.map((r) => r.ended));
  }

  /**
   * Stops taking jobs; running handlers are aborted (JOB_SHUTDOWN), roll back and hand their
   * job back for a retry (an import starts over, a batch resumes after its last stored result).
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const run of this.running.values()) run.abort.abort(JOB_SHUTDOWN);
    await this.idle();
    await this.ticking;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Runs `kind` on a cron schedule (UTC), once per schedule across every instance. */
  async schedule(kind: string, cron: string): Promise<void> {
    await this.ensureQueue(kind);
    await this.boss.schedule(kind, cron, {}, { tz: 'UTC' });
  }

  private ensureQueue(kind: string): Promise<void> {
    let created = this.queues.get(kind);
    if (!created) {
      created = createBossQueueOnce(this.options.db, this.schema, kind, () =>
        this.boss.createQueue(kind, { name: kind }),
      );
      created.catch(() => this.queues.delete(kind));
      this.queues.set(kind, created);
    }
    return created;
  }

  private async run(
    kind: string,
    job: PgBoss.JobWithMetadata<Envelope>,
    handler: JobHandler<unknown, unknown, unknown>,
  ): Promise<void> {
    let end!: () => void;
    const run: Running = {
      kind,
      retryCount: job.retryCount,
      abort: new AbortController(),
      progress: job.data.progress,
      ended: new Promise<void>((resolve) => (end = resolve)),
    };
    this.running.set(job.id, run);
    const { signal } = run.abort;
    try {
      // Fetched as this worker began to stop: straight back to the queue, retries intact.
      if (this.stopped) run.abort.abort(JOB_SHUTDOWN);
      signal.throwIfAborted();
      await startJobRun(this.options.db, {
        jobId: job.id,
        kind,
        worker: this.worker,
        attempt: job.retryCount + 1,
        progress: run.progress,
      });
      const outcome = await handler({
        id: job.id,
        input: job.data.input,
        attempt: job.retryCount + 1,
        signal,
        progress: (progress) => (run.progress = progress),
      });
      await this.beat([job.id]);
      if (signal.reason === JOB_CANCELLED || signal.reason === JOB_LOST) return;
      await this.boss.complete(kind, job.id, { outcome: outcome ?? null });
    } catch (error) {
      // Cancelled: pg-boss has it so already. Lost: a retry owns the job now.
      if (signal.reason === JOB_CANCELLED || signal.reason === JOB_LOST) return;
      const failure: JobError =
        signal.reason === JOB_SHUTDOWN
          ? { code: 'WORKER_STOPPED', message: `the ${kind} was stopped with its worker` }
          : jobFailure(error, kind);
      if (!retryable(error) && signal.reason !== JOB_SHUTDOWN)
        await spendRetries(this.options.db, this.schema, job.id);
      await this.boss.fail(kind, job.id, { error: failure });
    } finally {
      this.running.delete(job.id);
      end();
    }
  }

  private startBeating(): void {
    const beat = setInterval(() => {
      this.ticking = this.ticking.then(() => this.beat([...this.running.keys()]));
    }, this.heartbeatSeconds * 1000);
    const supervise = setInterval(
      () => {
        this.ticking = this.ticking.then(() => this.supervise());
      },
      Math.max(1, this.staleSeconds / 3) * 1000,
    );
    beat.unref();
    supervise.unref();
    this.timers.push(beat, supervise);
  }

  /** Writes this worker's beats and progress, and aborts the runs cancelled or taken over. */
  private async beat(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      const runs = ids.flatMap((id) => {
        const run = this.running.get(id);
        return run ? [{ jobId: id, progress: run.progress }] : [];
      });
      await beatJobRuns(this.options.db, this.worker, runs);
      for (const row of await bossJobStates(this.options.db, this.schema, ids)) {
        const run = this.running.get(row.id);
        if (!run || run.abort.signal.aborted) continue;
        if (row.state === 'cancelled') run.abort.abort(JOB_CANCELLED);
        else if (row.state !== 'active' || row.retry_count !== run.retryCount)
          run.abort.abort(JOB_LOST);
      }
    } catch (error) {
      this.log(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Retries the active jobs whose worker stopped beating (only one supervisor at a time). */
  private async supervise(): Promise<void> {
    try {
      await withSupervisorLock(this.options.db, async (trx, bossDb) => {
        for (const stale of await staleBossJobs(trx, this.schema, this.staleSeconds)) {
          this.log(`${stale.name} job ${stale.id}: its worker stopped beating; retrying it`);
          const error: JobError = {
            code: 'WORKER_LOST',
            message: `the worker running the ${stale.name} stopped`,
          };
          await this.boss.fail(stale.name, stale.id, { error }, { db: bossDb });
        }
      });
    } catch (error) {
      this.log(`supervisor failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

const isUuid = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function jobOf<Input, Progress, Outcome>(
  kind: string,
  row: BossJobRow,
): Job<Input, Progress, Outcome> {
  const data = row.data as Envelope;
  const output = (row.output ?? {}) as { outcome?: Outcome; error?: JobError };
  const status = statusOf[row.state];
  const finished = status === 'done' || status === 'failed' || status === 'cancelled';
  return {
    id: row.id,
    kind,
    input: data.input as Input,
    status,
    progress: (row.progress ?? data.progress) as Progress,
    attempt: row.retry_count + 1,
    createdAt: new Date(row.created_on).toISOString(),
    ...(finished && row.completed_on
      ? { finishedAt: new Date(row.completed_on).toISOString() }
      : {}),
    ...(status === 'done' && output.outcome !== undefined ? { outcome: output.outcome } : {}),
    ...(status === 'failed'
      ? {
          error: output.error ?? {
            code: 'UNEXPECTED',
            message: `the ${kind} failed unexpectedly; see the server log`,
          },
        }
      : {}),
  };
}
