import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { askQuestion } from './ask.service.ts';
import { recordFeedback } from './thread.repository.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

/** Identifiers a coder might paste with a question; none may reach a stored row. */
const planted = {
  dob: '03/14/1962',
  mrn: 'MRN48213377',
  mrnDigits: '48213377',
  phone: '555-867-5309',
  email: 'jane.roe@example.org',
  ssn: '219-09-9999',
};

/** Every text column a question, a gap, a comment or an event could land in, as one string. */
async function storedText(ctx: LibraryContext): Promise<string> {
  const { rows } = await sql<{ text: string }>`
    select coalesce(string_agg(t, E'\n'), '') as text from (
      select question as t from thread_messages
      union all select answer::text from thread_messages
      union all select context::text from threads
      union all select question || ' ' || terms::text || ' ' || codes::text from library_gaps
      union all select coalesce(comment, '') from answer_feedback
      union all select data::text from events
    ) as stored`.execute(ctx.db);
  return rows[0]!.text;
}

describe.each(testDatabaseKinds())('questions are stored with identifiers masked (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind, { starter: true }));
  }, 120_000);
  afterAll(async () => opened.close());

  test('an answered question, a refused one and a comment keep none of the planted identifiers', async () => {
    const answered = await askQuestion(ctx, {
      question: `Pt DOB ${planted.dob}, ${planted.mrn}, call ${planted.phone} or ${planted.email}, SSN ${planted.ssn}: can I bill 62264 and 62263 together?`,
      dos: '2026-03-02',
    });
    // The answer is computed from the question as typed: it still names and cites the codes.
    expect(answered.answer).toMatchObject({ kind: 'pair', verdict: 'not-allowed' });
    expect(answered.answer.codes).toEqual(expect.arrayContaining(['62264', '62263']));
    expect(answered.answer.citations.length).toBeGreaterThan(0);

    const refused = await askQuestion(ctx, {
      question: `What is the capital of France for ${planted.email}, DOB ${planted.dob}, SSN ${planted.ssn}?`,
      dos: '2026-03-02',
    });
    expect(refused.answer.kind).toBe('not-found');
    await recordFeedback(
      ctx,
      answered.answer.id!,
      'down',
      `wrong for ${planted.mrn}, reach me at ${planted.phone}`,
    );
    await ctx.events.flush();

    const stored = await storedText(ctx);
    for (const value of Object.values(planted)) expect(stored).not.toContain(value);
    // The email's name and domain are not kept as gap words either.
    expect(stored).not.toMatch(/\bjane\b|\broe\b|example\.org/);

    const message = await ctx.db
      .selectFrom('thread_messages')
      .select('question')
      .where('id', '=', answered.answer.id!)
      .executeTakeFirstOrThrow();
    expect(message.question).toBe(
      'Pt DOB [date], MRN [id], call [phone] or [email], SSN [ssn]: can I bill 62264 and 62263 together?',
    );
    const gap = await ctx.db
      .selectFrom('library_gaps')
      .select(['question', 'terms'])
      .where('message_id', '=', refused.answer.id!)
      .executeTakeFirstOrThrow();
    expect(gap).toEqual({
      question: 'What is the capital of France for [email], DOB [date], SSN [ssn]?',
      terms: ['capital', 'france', 'dob', 'ssn'],
    });
    const feedback = await ctx.db
      .selectFrom('answer_feedback')
      .select('comment')
      .where('message_id', '=', answered.answer.id!)
      .executeTakeFirstOrThrow();
    expect(feedback.comment).toBe('wrong for MRN [id], reach me at [phone]');
  }, 60_000);
});
