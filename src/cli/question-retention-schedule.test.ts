import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askQuestion } from '../ask/ask.service.ts';
import { recordFeedback } from '../ask/thread.repository.ts';
import { CheckJobs } from '../check/check-jobs.ts';
import { readClaims } from '../claims/claim-input.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { InProcessJobQueue } from '../jobs/in-process-job-queue.ts';
import type { LibraryContext } from '../library/library-context.ts';
import type { PerformanceReport } from '../performance/performance-types.ts';
import { performanceReport } from '../performance/performance.service.ts';
import { applyQuestionRetention } from './question-retention-schedule.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const sampleClaims = new URL('../../samples/claims/sample-claims.json', import.meta.url);

/** What Performance counts, without the gap examples (the one thing retention blanks). */
function measures(report: PerformanceReport) {
  return {
    answers: report.answers.totals,
    periods: report.answers.periods,
    feedback: report.answers.feedback,
    gaps: report.library.gaps.map(({ example: _example, ...gap }) => gap),
    coverage: report.library.coverage,
  };
}

/** Issue 14: stored question text, comments and batch results go after the retention period. */
describe.each(testDatabaseKinds())('question retention (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  /** The clock is moved from the time the rows were written, never waited on. */
  const daysFromNow = (days: number) => () => new Date(Date.now() + days * DAY_MS);
  const retain = (now: () => Date) =>
    applyQuestionRetention({ db: ctx.db, retentionDays: 30, now, log: () => {} });
  const texts = async () => ({
    messages: (
      await ctx.db.selectFrom('thread_messages').select('question').orderBy('created_at').execute()
    ).map((r) => r.question),
    gaps: (await ctx.db.selectFrom('library_gaps').select('question').execute()).map(
      (r) => r.question,
    ),
    comments: (await ctx.db.selectFrom('answer_feedback').select('comment').execute()).map(
      (r) => r.comment,
    ),
    threads: Number(
      (
        await ctx.db
          .selectFrom('threads')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    ),
  });

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind, { starter: true }));
  }, 120_000);
  afterAll(async () => opened.close());

  test('text inside the period stays; past it the text goes and the Performance counts stay', async () => {
    const first = await askQuestion(ctx, { question: 'can I bill 62264 and 62263 together?' });
    await askQuestion(ctx, { question: 'and with 77003?', threadId: first.threadId });
    await askQuestion(ctx, { question: 'what is the capital of France?' });
    await recordFeedback(ctx, first.answer.id!, 'up', 'just what I needed');
    const today = new Date().toISOString().slice(0, 10);
    const before = measures(await performanceReport(ctx, {}, { today }));
    const asked = await texts();
    expect(asked).toEqual({
      messages: [
        'can I bill 62264 and 62263 together?',
        'and with 77003?',
        'what is the capital of France?',
      ],
      gaps: ['what is the capital of France?'],
      comments: ['just what I needed'],
      threads: 2,
    });

    await retain(daysFromNow(29));
    expect(await texts()).toEqual(asked);

    await retain(daysFromNow(31));
    expect(await texts()).toEqual({ messages: [], gaps: [''], comments: [], threads: 0 });
    expect(measures(await performanceReport(ctx, {}, { today }))).toEqual(before);
    expect(before.answers.questions).toBe(3);
    expect(before.feedback.up).toBe(1);
    expect(before.gaps.length).toBeGreaterThan(0);
  }, 60_000);

  test('in a thread still in use, only the questions past the period are blanked', async () => {
    const first = await askQuestion(ctx, { question: 'how many units of 62323?' });
    const next = await askQuestion(ctx, { question: 'and of 62264?', threadId: first.threadId });
    await recordFeedback(ctx, first.answer.id!, 'down', 'old comment');
    // The first turn and its feedback were written 40 days ago; the thread was used today.
    const longAgo = new Date(Date.now() - 40 * DAY_MS).toISOString();
    await sql`update thread_messages set created_at = ${longAgo}::timestamptz
      where id = ${first.answer.id!}`.execute(ctx.db);
    await sql`update answer_feedback set created_at = ${longAgo}::timestamptz
      where message_id = ${first.answer.id!}`.execute(ctx.db);

    await retain(daysFromNow(0));
    const rows = await ctx.db
      .selectFrom('thread_messages')
      .select(['id', 'question', 'answer'])
      .where('thread_id', '=', first.threadId)
      .orderBy('turn')
      .execute();
    expect(rows.map((r) => [r.id, r.question])).toEqual([
      [first.answer.id, ''],
      [next.answer.id, 'and of 62264?'],
    ]);
    // The blanked turn keeps its answer, so the thread still reads in order.
    expect(rows[0]!.answer).toMatchObject({ kind: 'units' });
    const votes = await ctx.db.selectFrom('answer_feedback').select(['vote', 'comment']).execute();
    expect(votes).toEqual([{ vote: 'down', comment: null }]);
  }, 60_000);

  test('finished batch checks past the period are deleted from the store, claims and results and all', async () => {
    const checkJobs = await CheckJobs.start(new InProcessJobQueue(), ctx);
    await checkJobs.work(ctx);
    const claims = readClaims(await readFile(sampleClaims), 'sample-claims.json');
    const job = await checkJobs.submit(ctx, 'sample-claims.json', claims, 'en');
    await checkJobs.idle();
    const finishedAt = Date.parse((await checkJobs.get(ctx, job.id)).finishedAt!);
    const at = (days: number) => () => new Date(finishedAt + days * DAY_MS);
    const rows = async (table: 'check_job_claims' | 'check_results') =>
      (await ctx.db.selectFrom(table).select('seq').where('job_id', '=', job.id).execute()).length;
    expect(await rows('check_results')).toBe(claims.length);

    await retain(at(29));
    expect((await checkJobs.get(ctx, job.id)).status).toBe('done');
    await retain(at(31));
    await expect(checkJobs.get(ctx, job.id)).rejects.toThrow(/no check job/);
    expect(await rows('check_job_claims')).toBe(0);
    expect(await rows('check_results')).toBe(0);
  }, 60_000);
});
