import { randomUUID } from 'node:crypto';
import type { Job, JobCounts, JobQueue, JobSpec } from '../domain/job-queue.ts';
import { dbFaultError } from '../db/db-fault.ts';
import { CodecardError } from '../errors/codecard-error.ts';

interface Entry {
  job: Job<unknown, unknown, unknown>;
  results: unknown[];
  abort: AbortController;
  keepFinished: number;
}

const isFinished = (job: Job<unknown, unknown, unknown>) =>
  job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';

/**
 * Jobs in this process's memory: one lane per kind, so imports run one at a time (the embedded
 * database has a single connection) and batch checks one at a time (CPU-bound: two at once
 * would only make both slower), while an import and a check may overlap. Results are kept with
 * the finished job for download. Lost when the process stops, which the embedded single-process
 * default accepts; a durable queue replaces it for several instances.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly lanes = new Map<string, Promise<void>>();

  enqueue<Input, Progress, Result, Outcome>(spec: JobSpec<Input, Progress, Result, Outcome>) {
    const job: Job<Input, Progress, Outcome> = {
      id: randomUUID(),
      kind: spec.kind,
      input: spec.input,
      status: 'queued',
      progress: spec.progress,
      createdAt: new Date().toISOString(),
    };
    const entry: Entry = {
      job,
      results: [],
      abort: new AbortController(),
      keepFinished: spec.keepFinished,
    };
    this.entries.set(job.id, entry);
    this.prune(spec.kind);
    const lane = this.lanes.get(spec.kind) ?? Promise.resolve();
    const finished = lane.then(() => this.run(job, entry, spec));
    this.lanes.set(
      spec.kind,
      finished.then(() => undefined),
    );
    return { job, finished };
  }

  get<Input, Progress, Outcome>(kind: string, id: string): Job<Input, Progress, Outcome> {
    return this.entry(kind, id).job as Job<Input, Progress, Outcome>;
  }

  results<Result>(kind: string, id: string): AsyncIterable<Result> {
    const entry = this.entry(kind, id);
    if (entry.job.status !== 'done')
      throw new CodecardError('NOT_READY', {
        detail: `${kind} job ${id} is ${entry.job.status}; its results are ready when its status is done`,
      });
    return asyncIterableOf(entry.results as Result[]);
  }

  cancel(kind: string, id: string): void {
    const entry = this.entry(kind, id);
    if (isFinished(entry.job)) return;
    if (entry.job.status === 'queued') this.finish(entry.job, 'cancelled');
    entry.abort.abort();
  }

  async idle(kind?: string): Promise<void> {
    if (kind !== undefined) await this.lanes.get(kind);
    else await Promise.all(this.lanes.values());
  }

  forgetFinished(kind: string, before: Date): number {
    let forgotten = 0;
    for (const [id, { job }] of this.entries) {
      if (job.kind !== kind || !isFinished(job) || job.finishedAt === undefined) continue;
      if (Date.parse(job.finishedAt) >= before.getTime()) continue;
      this.entries.delete(id);
      forgotten++;
    }
    return forgotten;
  }

  counts(kind: string): JobCounts {
    const counts: JobCounts = { running: 0, queued: 0 };
    for (const { job } of this.entries.values()) {
      if (job.kind !== kind) continue;
      if (job.status === 'running') counts.running++;
      else if (job.status === 'queued') counts.queued++;
    }
    return counts;
  }

  private entry(kind: string, id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry || entry.job.kind !== kind)
      throw new CodecardError('NOT_FOUND', { detail: `no ${kind} job ${id}` });
    return entry;
  }

  private async run<Input, Progress, Result, Outcome>(
    job: Job<Input, Progress, Outcome>,
    entry: Entry,
    spec: JobSpec<Input, Progress, Result, Outcome>,
  ): Promise<Job<Input, Progress, Outcome>> {
    if (job.status === 'cancelled') return job;
    job.status = 'running';
    const { signal } = entry.abort;
    try {
      const outcome = await spec.run({
        signal,
        progress: (progress) => (job.progress = progress),
        emit: (result) => entry.results.push(result),
      });
      job.outcome = outcome;
      this.finish(job, 'done');
    } catch (error) {
      entry.results = [];
      if (signal.aborted) this.finish(job, 'cancelled');
      else {
        // A database outage or a full disk is named as such, not as an unexpected failure.
        const known =
          error instanceof CodecardError ? error : dbFaultError(error, `the ${spec.kind}`);
        job.error = known
          ? { code: known.code, message: known.message }
          : {
              code: 'UNEXPECTED',
              message: `the ${spec.kind} failed unexpectedly; see the server log`,
            };
        if (!known) console.error(error);
        this.finish(job, 'failed');
      }
    }
    return job;
  }

  private finish(job: Job<unknown, unknown, unknown>, status: 'done' | 'failed' | 'cancelled') {
    job.status = status;
    job.finishedAt = new Date().toISOString();
  }

  private prune(kind: string): void {
    const finished = [...this.entries.values()].filter(
      (e) => e.job.kind === kind && isFinished(e.job),
    );
    const keep = finished[0]?.keepFinished ?? 0;
    for (const entry of finished.slice(0, Math.max(0, finished.length - keep)))
      this.entries.delete(entry.job.id);
  }
}

/** Stored results as the stream the interface promises (a durable queue reads them in pages). */
function asyncIterableOf<T>(items: readonly T[]): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const iterator = items[Symbol.iterator]();
      return { next: () => Promise.resolve(iterator.next()) };
    },
  };
}
