import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { LibraryContext } from '../library/library-context.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import { starterLibraryDir } from '../library/starter-library.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { reportWriter, type ReportFormat } from '../check/check-report.ts';
import { buildTestApp } from './test-app.ts';
import { InProcessJobQueue } from '../jobs/in-process-job-queue.ts';
import type { JobHandler } from '../domain/job-queue.ts';
import { multipart } from './test-multipart.ts';
import { csvColumns } from '../domain/check-report-csv.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

interface JobJson {
  id: string;
  status: string;
  resumable?: boolean;
  error?: { code: string; message: string };
  progress: { done: number; total: number };
  summary?: Record<string, number>;
  results?: string;
}

// More claims than the job checks between yields, so it yields to polls at least once.
const CLAIMS = 5_000;
const injection = '=HYPERLINK("http://example.test","x")';
/** Code pairs in the starter library's sample practitioner PTP file, plus a lone code. */
const pairs = [['62263', '62264'], ['20610', '96372'], ['20610', '99213'], ['99213']];

function claims() {
  return Array.from({ length: CLAIMS }, (_, i) => ({
    id: i === 7 ? injection : `C${i}`,
    dateOfService: '2026-03-02',
    lines: pairs[i % pairs.length]!.map((code, line) => ({
      code,
      ...(i % 3 === 0 && line === 1 ? { modifiers: ['XS'] } : {}),
    })),
  }));
}

function report(results: ClaimResult[], format: ReportFormat): string {
  const writer = reportWriter(format);
  return writer.head() + results.map((r) => writer.item(r)).join('') + writer.tail();
}

/** A queue whose handlers wait for `held` before they run (a job stays queued meanwhile). */
class HoldingQueue extends InProcessJobQueue {
  held: Promise<void> = Promise.resolve();
  override work<I, P, O>(kind: string, handler: JobHandler<I, P, O>): Promise<void> {
    return super.work<I, P, O>(kind, async (run) => {
      await this.held;
      return handler(run);
    });
  }
}

describe('batch claim checks over HTTP', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let app: FastifyInstance;
  const queue = new HoldingQueue();

  beforeAll(async () => {
    const library = await openTestLibrary();
    opened = library.opened;
    ctx = library.ctx;
    const name = 'sample-ccipra-v320r0-ptp.txt';
    await importFile(ctx, { fileName: name, bytes: await readFile(join(starterLibraryDir, name)) });
    app = await buildTestApp(ctx, { maxUploadBytes: 2 * 1024 * 1024, queue });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  async function submit(name: string, content: string, fields: Record<string, string> = {}) {
    return app.inject({
      method: 'POST',
      url: '/api/checks/batch',
      ...multipart([{ name, content }], fields, 'file'),
    });
  }

  /** Polls like a client would, letting the event loop turn between polls. */
  async function finished(id: string): Promise<JobJson> {
    for (;;) {
      const job = (await app.inject({ url: `/api/checks/batch/${id}` })).json<JobJson>();
      if (job.status !== 'queued' && job.status !== 'running') return job;
      // inject() never leaves the microtask queue; a real poll arrives as I/O on a later turn.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  test('an NDJSON batch runs as a job; its downloads match POST /api/checks for the same claims', async () => {
    const all = claims();
    const submitted = await submit('claims.ndjson', all.map((c) => JSON.stringify(c)).join('\n'));
    expect(submitted.statusCode).toBe(202);
    const job = submitted.json<JobJson>();
    expect(job).toMatchObject({ progress: { total: CLAIMS } });
    expect(['queued', 'running']).toContain(job.status);

    const done = await finished(job.id);
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ done: CLAIMS, total: CLAIMS });
    expect(done.results).toBe(`/api/checks/batch/${job.id}/results`);

    const sync = await app.inject({ method: 'POST', url: '/api/checks', payload: { claims: all } });
    const expected = sync.json<{ claims: ClaimResult[] }>().claims;
    const count = (key: 'errors' | 'warnings' | 'infos') =>
      expected.reduce((sum, r) => sum + r.summary[key], 0);
    expect(done.summary).toEqual({
      claims: CLAIMS,
      claimsWithErrors: expected.filter((r) => r.summary.errors > 0).length,
      errors: count('errors'),
      warnings: count('warnings'),
      infos: count('infos'),
    });
    expect(count('errors')).toBeGreaterThan(0);
    expect(count('infos')).toBeGreaterThan(0);

    for (const format of ['json', 'ndjson', 'csv'] as const) {
      const download = await app.inject({ url: `${done.results}?format=${format}` });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="checks-${job.id}.${format}"`,
      );
      expect(download.body).toBe(report(expected, format));
    }
    const json = await app.inject({ url: done.results! });
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json()).toEqual({ claims: expected });

    const csv = (await app.inject({ url: `${done.results}?format=csv` })).body.split('\n');
    expect(csv[0]).toBe(csvColumns.join(','));
    const injected = csv.filter((row) => row.includes('HYPERLINK'));
    expect(injected.length).toBeGreaterThan(0);
    for (const row of injected) expect(row.startsWith(`"'=HYPERLINK(`)).toBe(true);
  });

  test('a CSV batch takes setting and lang fields', async () => {
    const csv = 'claim id,date of service,code\nA,2026-03-02,62263\nA,2026-03-02,62264\n';
    const submitted = await submit('claims.csv', csv, { setting: 'practitioner', lang: 'es' });
    expect(submitted.statusCode).toBe(202);
    const done = await finished(submitted.json<JobJson>().id);
    expect(done).toMatchObject({ status: 'done', summary: { claims: 1, claimsWithErrors: 1 } });
    const results = (await app.inject({ url: done.results! })).json<{ claims: ClaimResult[] }>();
    expect(results.claims[0]?.findings.find((f) => f.rule === 'ptp')?.message).toContain(
      'no se factura',
    );
  });

  test('results are 409 until the job is done', async () => {
    // The queue holds it (queued) until released.
    let release!: () => void;
    queue.held = new Promise<void>((resolve) => (release = resolve));
    const job = (await submit('one.ndjson', JSON.stringify(claims()[0]))).json<JobJson>();
    const early = await app.inject({ url: `/api/checks/batch/${job.id}/results` });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'NOT_READY' } });
    expect(early.json<{ error: { message: string } }>().error.message).toContain('0 of 1 claims');
    release();
    expect((await finished(job.id)).status).toBe('done');
    expect((await app.inject({ url: `/api/checks/batch/${job.id}/results` })).statusCode).toBe(200);
  });

  test('a malformed, empty or missing file is refused at upload with a clear 400', async () => {
    const bad = await submit(
      'bad.ndjson',
      `${JSON.stringify(claims()[0])}\n{"id":"B","lines":[{"code":"62263"}]}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(
      /bad\.ndjson: line 2 \(claim "B"\) line 1: no date of service/,
    );

    const empty = await submit('empty.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'EMPTY_FILE' } });

    const noFile = await app.inject({
      method: 'POST',
      url: '/api/checks/batch',
      ...multipart([], { lang: 'en' }),
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });

    const badSetting = await submit('x.ndjson', JSON.stringify(claims()[0]), { setting: 'moon' });
    expect(badSetting.statusCode).toBe(400);
    expect(badSetting.json<{ error: { message: string } }>().error.message).toContain('setting');
  });

  test('results are read in pages (after, limit), with the link to the next page', async () => {
    const all = claims().slice(0, 30);
    const submitted = await submit('paged.ndjson', all.map((c) => JSON.stringify(c)).join('\n'));
    const done = await finished(submitted.json<JobJson>().id);
    expect(done).toMatchObject({ status: 'done', resumable: false });
    const sync = await app.inject({ method: 'POST', url: '/api/checks', payload: { claims: all } });
    const expected = sync.json<{ claims: ClaimResult[] }>().claims;

    const paged: ClaimResult[] = [];
    const afters: number[] = [];
    let after: number | null = 0;
    while (after !== null) {
      afters.push(after);
      const page: LightMyRequestResponse = await app.inject({
        url: `${done.results}?after=${after}&limit=8`,
      });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-disposition']).toBeUndefined();
      const body = page.json<{ claims: ClaimResult[]; next: number | null }>();
      paged.push(...body.claims);
      after = body.next;
    }
    expect(afters).toEqual([0, 8, 16, 24]);
    expect(paged).toEqual(expected);

    for (const query of [
      'limit=0',
      'limit=5000',
      'after=-1&limit=5',
      'format=csv&limit=5',
      'after=3',
    ]) {
      const bad = await app.inject({ url: `${done.results}?${query}` });
      expect(bad.statusCode, query).toBe(400);
    }
  });

  test('after a restart a check left unfinished is failed and resumable; resuming completes it', async () => {
    // The first server queues the job and stops before it runs (its queue never starts it).
    let release!: () => void;
    const stalled = new HoldingQueue();
    stalled.held = new Promise<void>((resolve) => (release = resolve));
    const before = await buildTestApp(ctx, { maxUploadBytes: 2 * 1024 * 1024, queue: stalled });
    const all = claims().slice(0, 12);
    const submitted = await before.inject({
      method: 'POST',
      url: '/api/checks/batch',
      ...multipart(
        [{ name: 'r.ndjson', content: all.map((c) => JSON.stringify(c)).join('\n') }],
        {},
        'file',
      ),
    });
    const id = submitted.json<JobJson>().id;

    const after = await buildTestApp(ctx, { maxUploadBytes: 2 * 1024 * 1024 });
    try {
      const failed = (await after.inject({ url: `/api/checks/batch/${id}` })).json<JobJson>();
      expect(failed).toMatchObject({
        status: 'failed',
        resumable: true,
        error: { code: 'CHECK_INTERRUPTED' },
      });
      expect(failed.error?.message).toContain('0 of 12 claims were checked');
      const resumed = await after.inject({ method: 'POST', url: `/api/checks/batch/${id}/resume` });
      expect(resumed.statusCode).toBe(202);
      expect(resumed.json()).toMatchObject({ status: 'queued', resumable: false });
      let job = resumed.json<JobJson>();
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 5));
        job = (await after.inject({ url: `/api/checks/batch/${id}` })).json<JobJson>();
      }
      expect(job).toMatchObject({ status: 'done', progress: { done: 12, total: 12 } });
      const sync = await app.inject({
        method: 'POST',
        url: '/api/checks',
        payload: { claims: all },
      });
      const download = await after.inject({ url: `/api/checks/batch/${id}/results?format=ndjson` });
      expect(download.body).toBe(report(sync.json<{ claims: ClaimResult[] }>().claims, 'ndjson'));
      const again = await after.inject({ method: 'POST', url: `/api/checks/batch/${id}/resume` });
      expect(again.statusCode).toBe(409);
    } finally {
      release();
      await before.close();
      await after.close();
    }
  });

  test('unknown jobs are 404; a bad format is 400', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await app.inject({ url: `/api/checks/batch/${id}` })).statusCode).toBe(404);
    const resume = await app.inject({ method: 'POST', url: `/api/checks/batch/${id}/resume` });
    expect(resume.statusCode).toBe(404);
    const results = await app.inject({ url: `/api/checks/batch/${id}/results` });
    expect(results.statusCode).toBe(404);
    expect(results.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(
      (await app.inject({ url: `/api/checks/batch/${id}/results?format=xlsx` })).statusCode,
    ).toBe(400);
  });
});
