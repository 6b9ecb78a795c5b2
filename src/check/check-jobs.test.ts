import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertOrg } from '../access/orgs.repository.ts';
import { readClaims } from '../claims/claim-input.ts';
import type { Claim } from '../claims/claim-types.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import type { JobQueue } from '../domain/job-queue.ts';
import { InProcessJobQueue } from '../jobs/in-process-job-queue.ts';
import { importFile } from '../library/import.service.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { starterLibraryDir } from '../library/starter-library.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { checkAllClaims } from './check-claims.ts';
import { CheckJobs, type CheckJobsOptions } from './check-jobs.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';

/** More than one stored chunk of claims (1,000), so a resume starts inside the second. */
const CLAIMS = 2_300;
const pairs = [['62263', '62264'], ['20610', '96372'], ['20610', '99213'], ['99213']];
/** Small batches, so a test-sized job is stored in several. */
const writer = { results: 500, waitMs: 60_000 };

function claimFile(count: number): Claim[] {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `C${i}`,
      dateOfService: '2026-03-02',
      lines: pairs[i % pairs.length]!.map((code) => ({ code })),
    }),
  );
  return readClaims(Buffer.from(lines.join('\n')), 'claims.ndjson');
}

async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe.each(testDatabaseKinds())('batch checks kept in the store (%s)', (kind) => {
  let library: TestLibrary;
  /** As a request sees the store: fenced to its organization on PostgreSQL. */
  let ctx: LibraryContext;
  let other: LibraryContext;
  let claims: Claim[];
  let expected: ClaimResult[];

  /** Batch checks over `queue`, run by this process. */
  const open = async (
    queue: JobQueue = new InProcessJobQueue(),
    options: CheckJobsOptions = {},
  ): Promise<CheckJobs> => {
    const jobs = await CheckJobs.start(queue, library.ctx, { writer, ...options });
    await jobs.work(library.ctx);
    return jobs;
  };
  const storedSeqs = async (id: string) =>
    (
      await sql<{
        seq: number;
      }>`select seq from check_results where job_id = ${id} order by seq`.execute(library.ctx.db)
    ).rows.map((r) => r.seq);

  beforeAll(async () => {
    library = await openTestLibrary(kind);
    const name = 'sample-ccipra-v320r0-ptp.txt';
    const bytes = await readFile(join(starterLibraryDir, name));
    await importFile(library.ctx, { fileName: name, bytes });
    await insertOrg(library.ctx.db, { id: 'other', name: 'Other' });
    ctx = forOrg(library.ctx, library.ctx.orgId);
    other = forOrg(library.ctx, 'other');
    claims = claimFile(CLAIMS);
    expected = await checkAllClaims(ctx, claims, 'en');
  }, 120_000);
  afterAll(async () => library.opened.close());

  test('results are stored as they are produced and read back in pages', async () => {
    const seen: { done: number; stored: number; status: string }[] = [];
    const jobs = await open(new InProcessJobQueue(), {
      afterWrite: async (id, done) => {
        const job = await jobs.get(ctx, id);
        seen.push({ done, stored: (await storedSeqs(id)).length, status: job.status });
      },
    });
    const submitted = await jobs.submit(ctx, 'claims.ndjson', claims, 'en');
    expect(submitted).toMatchObject({ status: 'queued', progress: { done: 0, total: CLAIMS } });
    await jobs.idle();

    // Each batch was in the store (with its progress) while the job still ran.
    expect(seen.map((s) => s.done)).toEqual([500, 1000, 1500, 2000, 2300]);
    for (const s of seen) expect(s).toEqual({ done: s.done, stored: s.done, status: 'running' });

    // A fresh instance (nothing in memory) reads the same results from the store.
    const fresh = await open();
    const done = await fresh.get(ctx, submitted.id);
    expect(done).toMatchObject({ status: 'done', progress: { done: CLAIMS, total: CLAIMS } });
    expect(done.summary).toEqual({
      claims: CLAIMS,
      claimsWithErrors: expected.filter((r) => r.summary.errors > 0).length,
      errors: expected.reduce((n, r) => n + r.summary.errors, 0),
      warnings: expected.reduce((n, r) => n + r.summary.warnings, 0),
      infos: expected.reduce((n, r) => n + r.summary.infos, 0),
    });
    expect(await drain(await fresh.results(ctx, submitted.id))).toEqual(expected);

    const paged: ClaimResult[] = [];
    let after: number | null = 0;
    let pages = 0;
    while (after !== null) {
      const page = await fresh.resultsPage(ctx, submitted.id, after, 700);
      paged.push(...page.claims);
      after = page.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(CLAIMS / 700));
    expect(paged).toEqual(expected);
    expect(await fresh.resultsPage(ctx, submitted.id, CLAIMS - 5, 700)).toEqual({
      claims: expected.slice(CLAIMS - 5),
      next: null,
    });
  });

  test('a retried run (a lost worker, an outage) resumes after the last stored result', async () => {
    let outages = 0;
    const jobs = await open(new InProcessJobQueue(), {
      afterWrite: (_id, done) => {
        if (done < 1500 || outages > 0) return Promise.resolve();
        outages++;
        throw new CodecardError('DATABASE_UNAVAILABLE', { detail: 'gone', seconds: 1 });
      },
    });
    const job = await jobs.submit(ctx, 'r.ndjson', claims, 'en');
    await expect
      .poll(async () => (await jobs.get(ctx, job.id)).status, { timeout: 30_000 })
      .toBe('done');
    expect(outages).toBe(1);
    expect(await storedSeqs(job.id)).toEqual(Array.from({ length: CLAIMS }, (_, i) => i + 1));
    expect(await drain(await jobs.results(ctx, job.id))).toEqual(expected);
  }, 60_000);

  // One process per embedded store: what it left unfinished was interrupted. (On PostgreSQL
  // another instance may be running it: the durable queue retries a dead worker's job instead.)
  test.runIf(kind === 'pglite')(
    'a restart marks running and queued jobs failed and resumable; resume finishes without duplicates',
    async () => {
      let stoppedAt!: () => void;
      const stopped = new Promise<void>((resolve) => (stoppedAt = resolve));
      // The first process "dies" after its second stored batch: the run never goes on.
      const before = await open(new InProcessJobQueue(), {
        afterWrite: (_id, done) => {
          if (done < 1500) return Promise.resolve();
          stoppedAt();
          return new Promise<void>(() => {});
        },
      });
      const running = await before.submit(ctx, 'a.ndjson', claims, 'en');
      const queued = await before.submit(ctx, 'b.ndjson', claims.slice(0, 10), 'en');
      await stopped;
      expect((await before.get(ctx, running.id)).status).toBe('running');

      const after = await open();
      const interrupted = await after.get(ctx, running.id);
      expect(interrupted).toMatchObject({
        status: 'failed',
        resumable: true,
        progress: { done: 1500, total: CLAIMS },
        error: { code: 'CHECK_INTERRUPTED' },
      });
      expect(interrupted.error?.message).toContain(
        `the server stopped while this check ran; 1500 of ${CLAIMS} claims were checked`,
      );
      expect(await after.get(ctx, queued.id)).toMatchObject({
        status: 'failed',
        resumable: true,
        error: { message: expect.stringContaining('0 of 10 claims') as string },
      });
      await expect(after.results(ctx, running.id)).rejects.toThrow(/failed/);
      // The results stored before the stop stay readable.
      expect((await after.resultsPage(ctx, running.id, 1000, 1000)).claims).toEqual(
        expected.slice(1000, 1500),
      );

      expect(await after.resume(ctx, running.id)).toMatchObject({ status: 'queued' });
      await expect(after.resume(ctx, running.id)).rejects.toThrow(/only a failed check/);
      await after.resume(ctx, queued.id);
      await after.idle();
      const finished = await after.get(ctx, running.id);
      expect(finished).toMatchObject({ status: 'done', resumable: false });
      expect(finished.summary?.claims).toBe(CLAIMS);
      expect(finished.summary?.errors).toBe(expected.reduce((n, r) => n + r.summary.errors, 0));
      expect(await storedSeqs(running.id)).toEqual(Array.from({ length: CLAIMS }, (_, i) => i + 1));
      expect(await drain(await after.results(ctx, running.id))).toEqual(expected);
      expect(await drain(await after.results(ctx, queued.id))).toEqual(expected.slice(0, 10));
    },
  );

  test('a running check whose queue job is over (its worker died on the last attempt) reads as failed and resumable', async () => {
    let stoppedAt!: () => void;
    const stopped = new Promise<void>((resolve) => (stoppedAt = resolve));
    const dying = await open(new InProcessJobQueue(), {
      afterWrite: (_id, done) => {
        if (done < 1000) return Promise.resolve();
        stoppedAt();
        return new Promise<void>(() => {});
      },
    });
    const job = await dying.submit(ctx, 'd.ndjson', claims, 'en');
    await stopped;
    // Its own queue still runs it: running, and left alone.
    expect((await dying.get(ctx, job.id)).status).toBe('running');
    // Another instance's view, whose queue holds no unfinished job for it (as after the
    // supervisor failed the last attempt). 'postgres' so that start() does not mark it first.
    const other = await CheckJobs.start(new InProcessJobQueue(), {
      db: library.ctx.db,
      engine: 'postgres',
    });
    expect(await other.get(ctx, job.id)).toMatchObject({
      status: 'failed',
      resumable: true,
      progress: { done: 1000, total: CLAIMS },
      error: { code: 'CHECK_INTERRUPTED' },
    });
  });

  test('a cancelled job stops and keeps neither claims nor results', async () => {
    const jobs = await open(new InProcessJobQueue(), {
      afterWrite: async (id) => void (await jobs.cancel(ctx, id)),
    });
    const job = await jobs.submit(ctx, 'c.ndjson', claims, 'en');
    await jobs.idle();
    expect(await jobs.get(ctx, job.id)).toMatchObject({ status: 'cancelled' });
    expect(await storedSeqs(job.id)).toEqual([]);
    const { rows } = await sql`select 1 from check_job_claims where job_id = ${job.id}`.execute(
      library.ctx.db,
    );
    expect(rows).toEqual([]);
  });

  test('another organization never sees a job, its claims or its results', async () => {
    const jobs = await open();
    const job = await jobs.submit(ctx, 'd.ndjson', claims.slice(0, 20), 'en');
    await jobs.idle();
    for (const call of [
      () => jobs.get(other, job.id),
      () => jobs.cancel(other, job.id),
      () => jobs.resume(other, job.id),
      () => jobs.results(other, job.id),
      () => jobs.resultsPage(other, job.id, 0, 10),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await jobs.get(ctx, job.id)).status).toBe('done');
    // PostgreSQL: the row-level fence hides the rows even from a query without an org filter.
    if (kind === 'postgres')
      for (const table of ['check_jobs', 'check_job_claims', 'check_results']) {
        const seen = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(
          table,
        )}`.execute(other.db);
        expect(seen.rows[0]!.n, table).toBe(0);
        const own = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(
          table,
        )}`.execute(ctx.db);
        expect(own.rows[0]!.n, table).toBeGreaterThan(0);
      }
  });
});
