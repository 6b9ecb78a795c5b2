import { describe, expect, it } from 'vitest';
import type { JobRun } from '../domain/job-queue.ts';
import { InProcessJobQueue } from './in-process-job-queue.ts';

/** A job that emits `count` numbers, waiting on `gate` before finishing. */
function countingSpec(kind: string, count: number, gate: Promise<void> = Promise.resolve()) {
  return {
    kind,
    input: { count },
    progress: { done: 0 },
    keepFinished: 2,
    run: async (job: JobRun<{ done: number }, number>) => {
      for (let i = 0; i < count; i++) {
        job.emit(i);
        job.progress({ done: i + 1 });
      }
      await gate;
      job.signal.throwIfAborted();
      return { sum: (count * (count - 1)) / 2 };
    },
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('InProcessJobQueue', () => {
  it('runs a job to done with progress, outcome and its results in order', async () => {
    const queue = new InProcessJobQueue();
    const { job, finished } = queue.enqueue(countingSpec('check', 4));
    expect(job.status).toBe('queued');
    await finished;
    const done = queue.get<{ count: number }, { done: number }, { sum: number }>('check', job.id);
    expect(done).toMatchObject({ status: 'done', progress: { done: 4 }, outcome: { sum: 6 } });
    expect(done.finishedAt).toBeDefined();
    expect(await collect(queue.results<number>('check', job.id))).toEqual([0, 1, 2, 3]);
  });

  it('runs one job of a kind at a time, and kinds side by side', async () => {
    const queue = new InProcessJobQueue();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = queue.enqueue(countingSpec('import', 1, gate));
    const second = queue.enqueue(countingSpec('import', 1));
    const other = queue.enqueue(countingSpec('check', 1));
    await other.finished;
    expect(queue.get('check', other.job.id).status).toBe('done');
    expect(queue.get('import', first.job.id).status).toBe('running');
    expect(queue.get('import', second.job.id).status).toBe('queued');
    open();
    await second.finished;
    expect(queue.get('import', second.job.id).status).toBe('done');
  });

  it('cancels a queued job at once and a running one at its next look at the signal', async () => {
    const queue = new InProcessJobQueue();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const running = queue.enqueue(countingSpec('check', 3, gate));
    const queued = queue.enqueue(countingSpec('check', 3));
    await Promise.resolve();
    queue.cancel('check', queued.job.id);
    expect(queue.get('check', queued.job.id).status).toBe('cancelled');
    queue.cancel('check', running.job.id);
    open();
    await queue.idle();
    expect(queue.get('check', running.job.id).status).toBe('cancelled');
    // A cancelled job has no results to download.
    expect(() => queue.results('check', running.job.id)).toThrow(
      expect.objectContaining({ code: 'NOT_READY' }),
    );
  });

  it('reports a failure with its code, and hides unexpected errors behind a generic message', async () => {
    const queue = new InProcessJobQueue();
    const errors = console.error;
    console.error = () => {};
    try {
      const { job, finished } = queue.enqueue({
        ...countingSpec('import', 0),
        run: () => Promise.reject(new Error('disk on fire at /secret/path')),
      });
      await finished;
      expect(queue.get('import', job.id)).toMatchObject({
        status: 'failed',
        error: {
          code: 'UNEXPECTED',
          message: 'the import failed unexpectedly; see the server log',
        },
      });
    } finally {
      console.error = errors;
    }
  });

  it('does not find a job under another kind, and keeps only the newest finished jobs', async () => {
    const queue = new InProcessJobQueue();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { job, finished } = queue.enqueue(countingSpec('check', 1));
      ids.push(job.id);
      await finished;
    }
    expect(() => queue.get('import', ids[3]!)).toThrow(/no import job/);
    // keepFinished is 2: pruning runs when a job is enqueued, over the jobs finished before it.
    expect(() => queue.get('check', ids[0]!)).toThrow(/no check job/);
    expect(queue.get('check', ids[3]!).status).toBe('done');
  });
  it('forgets finished jobs of a kind that ended before a time, results and all', async () => {
    const queue = new InProcessJobQueue();
    const done = queue.enqueue(countingSpec('check', 3));
    const other = queue.enqueue(countingSpec('import', 1));
    let open!: () => void;
    const running = queue.enqueue(countingSpec('check', 1, new Promise((r) => (open = r))));
    await Promise.all([done.finished, other.finished]);
    const finishedAt = Date.parse(queue.get('check', done.job.id).finishedAt!);
    // The clock is the job's own finishing time: just at it, the job is kept.
    expect(queue.forgetFinished('check', new Date(finishedAt))).toBe(0);
    expect(await collect(queue.results<number>('check', done.job.id))).toEqual([0, 1, 2]);
    const later = new Date(finishedAt + 24 * 60 * 60 * 1000);
    expect(queue.forgetFinished('check', later)).toBe(1);
    expect(() => queue.get('check', done.job.id)).toThrow(/no check job/);
    // A running job and another kind's finished job are not this kind's finished jobs.
    expect(queue.get('check', running.job.id).status).toBe('running');
    expect(queue.get('import', other.job.id).status).toBe('done');
    open();
    await running.finished;
  });
});
