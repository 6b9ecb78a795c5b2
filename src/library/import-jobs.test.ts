import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JobHandler } from '../domain/job-queue.ts';
import { InProcessJobQueue } from '../jobs/in-process-job-queue.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { ImportJobs } from './import-jobs.ts';
import { listLibrary } from './library.service.ts';
import type { SpooledFile } from './spooled-file.ts';
import { DirectoryBlobStore } from './blobs/directory-blob-store.ts';

/** A generated practitioner PTP file (sample rows, not a CMS release). */
function ptpFile(rows: number): Buffer {
  const lines = ['column_1,column_2,modifier_indicator'];
  for (let i = 0; i < rows; i++)
    lines.push(`${String(10000 + (i % 9000)).padStart(5, '0')},${String(20000 + i).slice(0, 5)},1`);
  return Buffer.from(lines.join('\n'));
}

/**
 * A queue whose jobs are cancelled by "the user" when they first report storing rows: on the
 * embedded database an import runs without yielding to timers, so a test cannot cancel it from
 * outside mid-way, but a cancel that lands between two progress reports is exactly this.
 */
class CancelWhileStoring extends InProcessJobQueue {
  override work<I, P, O>(kind: string, handler: JobHandler<I, P, O>): Promise<void> {
    return super.work<I, P, O>(kind, (run) =>
      handler({
        ...run,
        signal: run.signal,
        progress: (progress) => {
          if ((progress as { phase?: string }).phase === 'storing') void this.cancel(kind, run.id);
          run.progress(progress);
        },
      }),
    );
  }
}

/** Import jobs on `queue`, run by this process. */
async function importJobs(
  library: TestLibrary,
  blobs: DirectoryBlobStore,
  queue = new InProcessJobQueue(),
) {
  const jobs = new ImportJobs(queue, blobs);
  await jobs.work(library.ctx);
  return jobs;
}

describe('import jobs', () => {
  let library: TestLibrary;
  let spool: string;
  let blobs: DirectoryBlobStore;
  beforeAll(async () => {
    library = await openTestLibrary();
    spool = await mkdtemp(join(tmpdir(), 'codecard-import-jobs-'));
    blobs = new DirectoryBlobStore(join(spool, 'blobs'));
    await blobs.open();
  });
  afterAll(async () => {
    await library.opened.close();
    await rm(spool, { recursive: true, force: true });
  });

  /** The file as the upload route hands it over: in the blob store, hashed while written. */
  async function spooled(fileName: string, bytes: Buffer): Promise<SpooledFile> {
    return { fileName, ...(await blobs.write(Readable.from([bytes]))) };
  }
  const stored = (file: SpooledFile) => existsSync(blobs.pathOf(file.key));

  test('a cancelled import leaves the library as it was, a queued one never starts', async () => {
    const jobs = await importJobs(library, blobs, new CancelWhileStoring());
    const before = await listLibrary(library.ctx);
    const runningFile = await spooled('ccipra-cancel-f1.txt', ptpFile(60_000));
    const queuedFile = await spooled('ccipra-queued-f1.txt', ptpFile(10));
    const running = await jobs.submit(library.ctx, runningFile, { setting: 'practitioner' });
    const queued = await jobs.submit(library.ctx, queuedFile, { setting: 'practitioner' });
    expect((await jobs.cancel(library.ctx.orgId, queued.id)).status).toBe('cancelled');
    // A cancelled queued upload's file goes at once, not when the job ahead of it ends.
    await expect.poll(() => stored(queuedFile)).toBe(false);
    expect(stored(runningFile)).toBe(true);
    await jobs.finished(library.ctx.orgId, running.id);
    expect(stored(runningFile)).toBe(false);
    await jobs.finished(library.ctx.orgId, queued.id);
    expect(await jobs.get(library.ctx.orgId, running.id)).toMatchObject({
      status: 'cancelled',
      progress: { phase: 'storing' },
    });
    expect(await jobs.get(library.ctx.orgId, queued.id)).toMatchObject({
      status: 'cancelled',
      progress: { done: 0 },
    });
    expect(await listLibrary(library.ctx)).toEqual(before);
  });

  test('an import that is not cancelled lands', async () => {
    const jobs = await importJobs(library, blobs);
    const file = await spooled('ccipra-kept-f1.txt', ptpFile(20));
    const submitted = await jobs.submit(library.ctx, file, { setting: 'practitioner' });
    const job = await jobs.finished(library.ctx.orgId, submitted.id);
    expect(job.status).toBe('done');
    expect(job.outcome?.rowsStored).toBe(20);
    expect((await listLibrary(library.ctx)).map((d) => d.fileName)).toContain('ccipra-kept-f1.txt');
    expect(stored(file)).toBe(false);

    // The same bytes again are known by the hash taken while they were spooled: not read back.
    const again = { ...file, key: (await spooled('x', Buffer.from('x'))).key };
    await blobs.delete(again.key);
    const resubmitted = await jobs.submit(library.ctx, again, { setting: 'practitioner' });
    const unchanged = await jobs.finished(library.ctx.orgId, resubmitted.id);
    expect(unchanged).toMatchObject({ status: 'done', outcome: { status: 'unchanged' } });
  });

  test('a failed import deletes its spooled file too', async () => {
    const jobs = await importJobs(library, blobs);
    const file = await spooled('empty.txt', Buffer.alloc(0));
    const job = await jobs.finished(
      library.ctx.orgId,
      (await jobs.submit(library.ctx, file, {})).id,
    );
    expect(job).toMatchObject({ status: 'failed', error: { code: 'EMPTY_FILE' } });
    expect(stored(file)).toBe(false);
  });
});
