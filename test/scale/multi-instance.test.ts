import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.ts';
import { openTestDatabase } from '../../src/db/test-databases.ts';
import { testApiKey } from '../../src/http/test-app.ts';
import { starterLibraryReady } from '../support/starter-library-ready.ts';
import { testContext } from '../support/test-context.ts';
import { startCodecard, type CodecardProcess } from './support/codecard-process.ts';

// The PostgreSQL tier's scale-out test (npm run test:scale): two HTTP-only instances (A, B) and
// two workers on one fresh database, as an operator runs them. Real-size inputs (the ICD-10-CM
// order file, read in place; a generated batch of 30,000 claims) take seconds, so a SIGKILL
// lands mid-job; every assertion is on state (job status, rows), never on time.
const shared = resolve(import.meta.dirname, '../../../shared/data');
const orderFile = join(shared, 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt');
const CLAIMS = 30_000;
const serverUrl = process.env.TEST_DATABASE_URL;

interface ImportJobJson {
  id: string;
  status: string;
  progress: { phase: string; done: number; total: number };
  result?: { status: string; rowsStored: number; document: { id: number; fileName: string } };
}
interface BatchJson {
  id: string;
  status: string;
  progress: { done: number; total: number };
}

/** Claims pairing codes the starter library's sample NCCI edits know (sample data). */
function claimsFile(count: number): string {
  const pairs = [['62263', '62264'], ['20610', '96372'], ['20610', '99213'], ['99213']];
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `S${i}`,
      dateOfService: '2026-03-02',
      lines: pairs[i % pairs.length]!.map((code) => ({ code })),
    }),
  ).join('\n');
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean) {
  const deadline = Date.now() + 150_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not reached; last seen ${JSON.stringify(last)}`);
}

describe.runIf(serverUrl)('two app instances and two workers on one PostgreSQL', () => {
  let opened: OpenDatabase;
  let key: string;
  let uploads: string;
  let env: Record<string, string>;
  let a: CodecardProcess;
  let b: CodecardProcess;
  const workers: CodecardProcess[] = [];
  const all = () => [a, b, ...workers].filter(Boolean);

  const call = async <T>(on: CodecardProcess, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${on.base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const upload = (
    on: CodecardProcess,
    path: string,
    field: string,
    name: string,
    bytes: Buffer,
  ) => {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(bytes)]), name);
    return call<{ jobs: ImportJobJson[] } & BatchJson>(on, path, { method: 'POST', body: form });
  };
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    (await query.execute(opened.db)).rows[0]!.n;
  const documents = () => count(sql<{ n: number }>`select count(*)::int as n from documents`);
  let spawned = 0;
  const startWorker = async () => {
    workers.push(await startCodecard(`worker ${++spawned}`, 'worker', env));
  };
  /** Two live workers: one to kill, one to take its job over. */
  const twoWorkers = async () => {
    const live = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
    for (let n = live.length; n < 2; n++) await startWorker();
  };
  /** The worker process whose run of the queue job `jobId` beats now. */
  const runnerOf = async (jobId: string) => {
    const { rows } = await sql<{ worker: string }>`
      select worker from job_runs where job_id = ${jobId}`.execute(opened.db);
    const pid = Number(rows[0]?.worker.split(':')[1]);
    const runner = workers.find((w) => w.child.pid === pid);
    if (!runner) throw new Error(`no worker of ours runs job ${jobId} (${rows[0]?.worker})`);
    return runner;
  };
  const attemptsOf = async (jobId: string) =>
    count(sql<{ n: number }>`select retry_count::int + 1 as n from pgboss.job where id = ${jobId}`);

  beforeAll(async () => {
    opened = await openTestDatabase('postgres');
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
      opened.db,
    );
    const url = new URL(serverUrl!);
    url.pathname = `/${rows[0]!.name}`;
    key = await testApiKey(testContext(opened), 'admin', 'scale@codecard.test');
    // The upload spool is shared by the instances and the workers (a blob store's place).
    uploads = await mkdtemp(join(tmpdir(), 'codecard-scale-'));
    env = {
      DATABASE_URL: url.toString(),
      CODECARD_UPLOAD_DIR: uploads,
      CODECARD_RUN_JOBS: '0',
      CODECARD_JOB_HEARTBEAT_SECONDS: '1',
      CODECARD_JOB_STALE_SECONDS: '4',
    };
    a = await startCodecard('A', 'serve', env);
    // A loads the starter library into the empty store; B then finds it there.
    await starterLibraryReady(a.base!);
    [b] = await Promise.all([startCodecard('B', 'serve', env), startWorker(), startWorker()]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(all().map((p) => p.stop()));
    // What each process printed, for a failure's post-mortem.
    const logs = resolve(import.meta.dirname, '../../test-results/scale');
    await mkdir(logs, { recursive: true });
    for (const p of all()) await writeFile(join(logs, `${p.name}.log`), p.output());
    await opened?.close();
    if (uploads) await rm(uploads, { recursive: true, force: true });
  }, 120_000);

  test('an import posted to A is read on B while it runs, survives its worker being killed, and lands once', async () => {
    const before = await documents();
    const posted = await upload(
      a,
      '/api/library/documents',
      'files',
      'icd10cm-order-Jan-2021.txt',
      await readFile(orderFile),
    );
    expect(posted.status).toBe(202);
    const id = posted.body.jobs[0]!.id;
    const job = (on: CodecardProcess) => async () =>
      (await call<ImportJobJson>(on, `/api/library/imports/${id}`)).body;

    // B reads the progress A's job makes on a worker, and the kill lands mid-import.
    const storing = await until(
      'storing, read on B',
      job(b),
      (j) => j.status === 'running' && j.progress.phase === 'storing' && j.progress.done > 0,
    );
    expect(storing.progress.done).toBeLessThan(storing.progress.total);
    const runner = await runnerOf(id);
    await runner.stop('SIGKILL');
    // Nothing of the killed attempt is visible: its transaction rolled back.
    expect(await documents()).toBe(before);

    const done = await until(
      'done on another worker',
      job(b),
      (j) => j.status !== 'running' && j.status !== 'queued',
    );
    expect(done.status, JSON.stringify(done)).toBe('done');
    expect(done.result?.status).toBe('imported');
    expect(await attemptsOf(id)).toBeGreaterThanOrEqual(2);
    expect(await runnerOf(id)).not.toBe(runner);
    // Exactly the new library: one more document, nothing staged, every row of it stored once.
    expect(await documents()).toBe(before + 1);
    expect(
      await count(sql<{ n: number }>`select count(*)::int as n from documents where importing`),
    ).toBe(0);
    const documentId = done.result!.document.id;
    expect(
      await count(sql<{ n: number }>`
        select count(*)::int as n from code_descriptors where document_id = ${documentId}`),
    ).toBe(done.result!.rowsStored);
    const listed = await call<{ documents: { fileName: string }[] }>(b, '/api/library/documents');
    expect(listed.body.documents.map((d) => d.fileName)).toContain('icd10cm-order-Jan-2021.txt');

    // Its worker dies again, this time after the commit and before the job was marked done: the
    // supervisor hands it to a retry, which finds the file's hash and does not import it twice.
    await sql`update pgboss.job set state = 'active', started_on = now() - interval '1 hour',
      completed_on = null where id = ${id}`.execute(opened.db);
    await sql`update job_runs set beat_at = now() - interval '1 hour' where job_id = ${id}`.execute(
      opened.db,
    );
    await twoWorkers();
    const again = await until(
      'retried after the commit',
      job(b),
      (j) => j.status === 'done' && j.result?.status === 'unchanged',
    );
    expect(again.result?.document.id).toBe(documentId);
    expect(await documents()).toBe(before + 1);
  }, 300_000);

  // SIGKILL: the supervisor finds the stale heartbeat. SIGTERM: the worker hands the job back.
  test.each(['SIGKILL', 'SIGTERM'] as const)(
    'a batch started on A is read on B and finishes on another worker after a %s, each result once',
    async (signal) => {
      await twoWorkers();
      const posted = await upload(
        a,
        '/api/checks/batch',
        'file',
        'scale.ndjson',
        Buffer.from(claimsFile(CLAIMS)),
      );
      expect(posted.status).toBe(202);
      const id = posted.body.id;
      const batch = (on: CodecardProcess) => async () =>
        (await call<BatchJson>(on, `/api/checks/batch/${id}`)).body;
      const running = await until(
        'checking, read on B',
        batch(b),
        (j) => j.status === 'running' && j.progress.done > 0,
      );
      expect(running.progress.done).toBeLessThan(CLAIMS);
      const { rows } = await sql<{ id: string }>`
      select id from pgboss.job where name = 'check' and data->'input'->>'checkJobId' = ${id}`.execute(
        opened.db,
      );
      const runner = await runnerOf(rows[0]!.id);
      await runner.stop(signal);
      if (signal === 'SIGTERM') expect(runner.child.exitCode).toBe(0);

      const done = await until(
        'done on another worker',
        batch(b),
        (j) => j.status !== 'running' && j.status !== 'queued',
      );
      expect(done).toMatchObject({ status: 'done', progress: { done: CLAIMS, total: CLAIMS } });
      expect(await attemptsOf(rows[0]!.id)).toBeGreaterThanOrEqual(2);
      const stored = await sql<{ n: number; distinct: number; first: number; last: number }>`
      select count(*)::int as n, count(distinct seq)::int as distinct, min(seq) as first,
        max(seq) as last from check_results where job_id = ${id}`.execute(opened.db);
      expect(stored.rows[0]).toEqual({ n: CLAIMS, distinct: CLAIMS, first: 1, last: CLAIMS });
      // B serves the results A's job stored, page by page.
      const page = await call<{ claims: { id: string }[] }>(
        b,
        `/api/checks/batch/${id}/results?after=${CLAIMS - 3}&limit=10`,
      );
      expect(page.body.claims.map((c) => c.id)).toEqual([
        `S${CLAIMS - 3}`,
        `S${CLAIMS - 2}`,
        `S${CLAIMS - 1}`,
      ]);
    },
    300_000,
  );
});
