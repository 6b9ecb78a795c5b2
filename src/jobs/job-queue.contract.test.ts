import { afterEach, describe, expect, it } from 'vitest';
import { JOB_CANCELLED, type JobPolicy, type JobQueue, type JobRun } from '../domain/job-queue.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../db/test-databases.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { InProcessJobQueue } from './in-process-job-queue.ts';
import { PgBossJobQueue } from './pg-boss-job-queue.ts';

const policy: JobPolicy = { retryLimit: 2, retryDelaySeconds: 0, backoff: false, keepFinished: 2 };

/**
 * The same contract on both queues: the worker runs the handlers, the client (another instance
 * on PostgreSQL; the same queue in process) enqueues, reads and cancels.
 */
interface Queues {
  worker: JobQueue;
  client: JobQueue;
  close(): Promise<void>;
}

function inProcess(): Promise<Queues> {
  const queue = new InProcessJobQueue();
  return Promise.resolve({
    worker: queue,
    client: queue,
    close: async () => {
      await queue.stop();
      await queue.idle();
    },
  });
}

const timing = { heartbeatSeconds: 1, staleSeconds: 3, pollingSeconds: 0.5, log: () => {} };

async function onPostgres(): Promise<Queues & { opened: OpenDatabase }> {
  const opened: OpenDatabase = await openTestDatabase('postgres');
  const worker = await PgBossJobQueue.open({ db: opened.db, runJobs: true, ...timing });
  const client = await PgBossJobQueue.open({ db: opened.db, runJobs: false, ...timing });
  return {
    opened,
    worker,
    client,
    close: async () => {
      await client.stop();
      await worker.stop();
      await opened.close();
    },
  };
}

/** Resolves once `check` holds (polling: progress and cancels travel by heartbeat). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A handler that reports progress, then waits for `gate` (or its signal) before finishing. */
function counting(gate: Promise<void> = Promise.resolve()) {
  return async (run: JobRun<{ count: number }, { done: number }>) => {
    run.progress({ done: run.input.count });
    await Promise.race([
      gate,
      new Promise<void>((resolve) => run.signal.addEventListener('abort', () => resolve())),
    ]);
    run.signal.throwIfAborted();
    return { sum: run.input.count * 2 };
  };
}

const kinds = testDatabaseKinds();
describe.each(kinds.map((kind) => [kind === 'pglite' ? 'in process' : 'PostgreSQL (pg-boss)']))(
  'job queue contract: %s',
  (name) => {
    let queues: Queues | null = null;
    const open = async () =>
      (queues = name === 'in process' ? await inProcess() : await onPostgres());
    afterEach(async () => {
      await queues?.close();
      queues = null;
    });

    it('runs a job to done with its input, progress and outcome, read by another instance', async () => {
      const { worker, client } = await open();
      await worker.work('sum', counting());
      const id = await client.enqueue('sum', { count: 4 }, { progress: { done: 0 }, policy });
      const job = await client.finished<{ count: number }, { done: number }, { sum: number }>(
        'sum',
        id,
      );
      expect(job).toMatchObject({
        id,
        kind: 'sum',
        input: { count: 4 },
        status: 'done',
        progress: { done: 4 },
        outcome: { sum: 8 },
        attempt: 1,
      });
      expect(job.finishedAt).toBeDefined();
      await expect(client.get('other', id)).rejects.toThrow(/no other job/);
    }, 30_000);

    it('runs one job of a kind at a time per worker, kinds side by side; counts them', async () => {
      const { worker, client } = await open();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await worker.work('import', counting(gate));
      await worker.work('check', counting());
      const first = await client.enqueue('import', { count: 1 }, { progress: { done: 0 }, policy });
      await eventually(async () => (await client.get('import', first)).status === 'running');
      const second = await client.enqueue(
        'import',
        { count: 2 },
        { progress: { done: 0 }, policy },
      );
      const other = await client.enqueue('check', { count: 3 }, { progress: { done: 0 }, policy });
      expect((await client.finished('check', other)).status).toBe('done');
      expect((await client.get('import', first)).status).toBe('running');
      expect((await client.get('import', second)).status).toBe('queued');
      expect(await client.counts('import')).toEqual({ running: 1, queued: 1 });
      expect((await client.unfinished('import')).map((job) => job.id).sort()).toEqual(
        [first, second].sort(),
      );
      release();
      expect((await client.finished('import', second)).status).toBe('done');
      expect(await client.counts('import')).toEqual({ running: 0, queued: 0 });
    }, 30_000);

    it('cancels a queued job at once and a running one through its signal', async () => {
      const { worker, client } = await open();
      let aborted: unknown = null;
      await worker.work('check', async (run: JobRun<{ count: number }, { done: number }>) => {
        run.progress({ done: 1 });
        await new Promise<void>((resolve) => run.signal.addEventListener('abort', () => resolve()));
        aborted = run.signal.reason;
        run.signal.throwIfAborted();
      });
      const running = await client.enqueue(
        'check',
        { count: 1 },
        { progress: { done: 0 }, policy },
      );
      await eventually(async () => (await client.get('check', running)).status === 'running');
      const queued = await client.enqueue('check', { count: 2 }, { progress: { done: 0 }, policy });
      await client.cancel('check', queued);
      expect((await client.get('check', queued)).status).toBe('cancelled');
      await client.cancel('check', running);
      expect((await client.finished('check', running)).status).toBe('cancelled');
      await eventually(() => Promise.resolve(aborted !== null));
      expect(aborted).toBe(JOB_CANCELLED);
    }, 30_000);

    it('fails a bad input at once, retries an outage, and hides unexpected errors', async () => {
      const { worker, client } = await open();
      const errors = console.error;
      console.error = () => {};
      try {
        await worker.work('import', (run: JobRun<{ fail: string }, null>) => {
          if (run.input.fail === 'bad') throw new CodecardError('EMPTY_FILE', { file: 'x.csv' });
          if (run.input.fail === 'outage' && run.attempt === 1)
            throw new CodecardError('DATABASE_UNAVAILABLE', { detail: 'down', seconds: 5 });
          if (run.input.fail === 'bug') throw new Error('disk on fire at /secret/path');
          return Promise.resolve({ attempt: run.attempt });
        });
        const enqueue = (fail: string) =>
          client.enqueue('import', { fail }, { progress: null, policy });
        const [bad, outage, bug] = [
          await enqueue('bad'),
          await enqueue('outage'),
          await enqueue('bug'),
        ];
        expect(await client.finished('import', bad)).toMatchObject({
          status: 'failed',
          attempt: 1,
          error: { code: 'EMPTY_FILE' },
        });
        expect(await client.finished('import', outage)).toMatchObject({
          status: 'done',
          attempt: 2,
          outcome: { attempt: 2 },
        });
        expect(await client.finished('import', bug)).toMatchObject({
          status: 'failed',
          attempt: 1,
          error: {
            code: 'UNEXPECTED',
            message: 'the import failed unexpectedly; see the server log',
          },
        });
      } finally {
        console.error = errors;
      }
    }, 30_000);

    it.runIf(name !== 'in process')(
      'retries a job whose worker stopped beating on another worker',
      async () => {
        const { worker, client, opened } = await onPostgres();
        queues = { worker, client, close: async () => {} };
        // A worker that never beats after its job starts: to the others, a dead one.
        const silent = await PgBossJobQueue.open({
          db: opened.db,
          runJobs: true,
          ...timing,
          heartbeatSeconds: 3600,
        });
        let started!: () => void;
        const firstAttempt = new Promise<void>((resolve) => (started = resolve));
        await silent.work('import', async (run: JobRun<null, null>) => {
          started();
          await new Promise((resolve) => run.signal.addEventListener('abort', resolve));
          return { attempt: run.attempt };
        });
        const id = await client.enqueue('import', null, { progress: null, policy });
        await firstAttempt;
        await worker.work('import', (run: JobRun<null, null>) =>
          Promise.resolve({ attempt: run.attempt }),
        );
        expect(await client.finished('import', id)).toMatchObject({
          status: 'done',
          attempt: 2,
          outcome: { attempt: 2 },
        });
        await silent.stop();
        // The silent worker's late end changes nothing.
        expect(await client.get('import', id)).toMatchObject({ status: 'done', attempt: 2 });
        await client.stop();
        await worker.stop();
        await opened.close();
      },
      30_000,
    );
  },
);
