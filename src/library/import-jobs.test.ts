import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JobSpec } from '../domain/job-queue.ts';
import { InProcessJobQueue } from '../jobs/in-process-job-queue.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { ImportJobs } from './import-jobs.ts';
import { listLibrary } from './library.service.ts';

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
  override enqueue<I, P, R, O>(spec: JobSpec<I, P, R, O>) {
    let id = '';
    const enqueued = super.enqueue({
      ...spec,
      run: (job) =>
        spec.run({
          ...job,
          signal: job.signal,
          progress: (progress) => {
            if ((progress as { phase?: string }).phase === 'storing') this.cancel(spec.kind, id);
            job.progress(progress);
          },
          emit: (result) => job.emit(result),
        }),
    });
    id = enqueued.job.id;
    return enqueued;
  }
}

describe('import jobs', () => {
  let library: TestLibrary;
  beforeAll(async () => {
    library = await openTestLibrary();
  });
  afterAll(async () => library.opened.close());

  test('a cancelled import leaves the library as it was, a queued one never starts', async () => {
    const jobs = new ImportJobs(new CancelWhileStoring());
    const before = await listLibrary(library.ctx);
    const running = jobs.submit(
      library.ctx,
      { fileName: 'ccipra-cancel-f1.txt', bytes: ptpFile(60_000) },
      { setting: 'practitioner' },
    );
    const queued = jobs.submit(
      library.ctx,
      { fileName: 'ccipra-queued-f1.txt', bytes: ptpFile(10) },
      { setting: 'practitioner' },
    );
    expect(jobs.cancel(library.ctx.orgId, queued.job.id).status).toBe('cancelled');
    await running.finished;
    await queued.finished;
    expect(jobs.get(library.ctx.orgId, running.job.id)).toMatchObject({
      status: 'cancelled',
      progress: { phase: 'storing' },
    });
    expect(jobs.get(library.ctx.orgId, queued.job.id)).toMatchObject({
      status: 'cancelled',
      progress: { done: 0 },
    });
    expect(await listLibrary(library.ctx)).toEqual(before);
  });

  test('an import that is not cancelled lands', async () => {
    const jobs = new ImportJobs(new InProcessJobQueue());
    const { finished } = jobs.submit(
      library.ctx,
      { fileName: 'ccipra-kept-f1.txt', bytes: ptpFile(20) },
      { setting: 'practitioner' },
    );
    const job = await finished;
    expect(job.status).toBe('done');
    expect(job.outcome?.rowsStored).toBe(20);
    expect((await listLibrary(library.ctx)).map((d) => d.fileName)).toContain('ccipra-kept-f1.txt');
  });
});
