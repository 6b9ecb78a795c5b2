import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import {
  JOB_CANCELLED,
  type EnqueueOptions,
  type Job,
  type JobCounts,
  type JobHandler,
  type JobPolicy,
  type JobQueue,
} from '../domain/job-queue.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { jobFailure, retryable } from './job-failure.ts';

type AnyJob = Job<unknown, unknown, unknown>;
type AnyHandler = JobHandler<unknown, unknown, unknown>;

interface Entry {
  job: AnyJob;
  policy: JobPolicy;
  abort: AbortController;
  ended: Promise<void>;
  end: () => void;
}

const isFinished = (job: AnyJob) =>
  job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';

/**
 * Jobs in this process's memory: one lane per kind, so imports run one at a time (the embedded
 * database has a single connection) and batch checks one at a time (CPU-bound: two at once
 * would only make both slower), while an import and a check may overlap. Lost when the process
 * stops, which the embedded single-process default accepts (leftovers are marked interrupted at
 * the next start); PgBossJobQueue keeps the same contract across instances.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly handlers = new Map<string, AnyHandler>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private stopped = false;

  enqueue<Input, Progress>(
    kind: string,
    input: Input,
    options: EnqueueOptions<Progress>,
  ): Promise<string> {
    const job: AnyJob = {
      id: options.id ?? randomUUID(),
      kind,
      input,
      status: 'queued',
      progress: options.progress,
      attempt: 1,
      createdAt: new Date().toISOString(),
    };
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const entry: Entry = { job, policy: options.policy, abort: new AbortController(), ended, end };
    this.prune(kind, options.policy.keepFinished);
    this.entries.set(job.id, entry);
    if (this.handlers.has(kind)) this.schedule(entry);
    return Promise.resolve(job.id);
  }

  work<Input, Progress, Outcome>(
    kind: string,
    handler: JobHandler<Input, Progress, Outcome>,
  ): Promise<void> {
    this.handlers.set(kind, handler as AnyHandler);
    for (const entry of this.entries.values())
      if (entry.job.kind === kind && entry.job.status === 'queued') this.schedule(entry);
    return Promise.resolve();
  }

  get<Input, Progress, Outcome>(kind: string, id: string): Promise<Job<Input, Progress, Outcome>> {
    // A copy: what the caller holds does not change under it, as with a database row.
    return Promise.resolve().then(
      () => ({ ...this.entry(kind, id).job }) as Job<Input, Progress, Outcome>,
    );
  }

  async finished<Input, Progress, Outcome>(kind: string, id: string) {
    await this.entry(kind, id).ended;
    return this.get<Input, Progress, Outcome>(kind, id);
  }

  cancel(kind: string, id: string): Promise<void> {
    return Promise.resolve().then(() => {
      const entry = this.entry(kind, id);
      if (isFinished(entry.job)) return;
      if (entry.job.status === 'queued') this.finish(entry, 'cancelled');
      entry.abort.abort(JOB_CANCELLED);
    });
  }

  unfinished<Input>(kind: string): Promise<{ id: string; input: Input }[]> {
    const jobs = [...this.entries.values()]
      .filter((e) => e.job.kind === kind && !isFinished(e.job))
      .map((e) => ({ id: e.job.id, input: e.job.input as Input }));
    return Promise.resolve(jobs);
  }

  counts(kind: string): Promise<JobCounts> {
    const counts: JobCounts = { running: 0, queued: 0 };
    for (const { job } of this.entries.values()) {
      if (job.kind !== kind) continue;
      if (job.status === 'running') counts.running++;
      else if (job.status === 'queued') counts.queued++;
    }
    return Promise.resolve(counts);
  }

  async idle(kind?: string): Promise<void> {
    if (kind !== undefined) await this.lanes.get(kind);
    else await Promise.all(this.lanes.values());
  }

  /** Single process: running jobs go on (`idle` waits for them); queued ones never start. */
  stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    return Promise.resolve();
  }

  private entry(kind: string, id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry || entry.job.kind !== kind)
      throw new CodecardError('NOT_FOUND', { detail: `no ${kind} job ${id}` });
    return entry;
  }

  private schedule(entry: Entry): void {
    const kind = entry.job.kind;
    // A job starts on a later turn of the event loop, as one from a database queue would: the
    // caller that enqueued it reads it queued.
    const lane = (this.lanes.get(kind) ?? Promise.resolve())
      .then(() => setImmediate())
      .then(() => this.run(entry));
    this.lanes.set(kind, lane);
  }

  private async run(entry: Entry): Promise<void> {
    const { job } = entry;
    const handler = this.handlers.get(job.kind);
    if (job.status !== 'queued' || this.stopped || !handler) return;
    job.status = 'running';
    const { signal } = entry.abort;
    try {
      job.outcome = await handler({
        id: job.id,
        input: job.input,
        attempt: job.attempt,
        signal,
        progress: (progress) => (job.progress = progress),
      });
      this.finish(entry, signal.reason === JOB_CANCELLED ? 'cancelled' : 'done');
    } catch (error) {
      if (signal.reason === JOB_CANCELLED) this.finish(entry, 'cancelled');
      else if (retryable(error) && job.attempt <= entry.policy.retryLimit) this.retry(entry);
      else {
        job.error = jobFailure(error, job.kind);
        this.finish(entry, 'failed');
      }
    }
  }

  private retry(entry: Entry): void {
    const { job, policy } = entry;
    const factor = policy.backoff ? 2 ** (job.attempt - 1) : 1;
    job.attempt++;
    job.status = 'queued';
    entry.abort = new AbortController();
    const timer = setTimeout(
      () => {
        this.retryTimers.delete(timer);
        this.schedule(entry);
      },
      policy.retryDelaySeconds * 1000 * factor,
    );
    timer.unref();
    this.retryTimers.add(timer);
  }

  private finish(entry: Entry, status: 'done' | 'failed' | 'cancelled') {
    entry.job.status = status;
    entry.job.finishedAt = new Date().toISOString();
    entry.end();
  }

  private prune(kind: string, keep: number): void {
    const finished = [...this.entries.values()].filter(
      (e) => e.job.kind === kind && isFinished(e.job),
    );
    for (const entry of finished.slice(0, Math.max(0, finished.length - keep)))
      this.entries.delete(entry.job.id);
  }
}
