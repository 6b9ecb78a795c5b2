import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ThreadContextColumn } from '../db/schema.ts';
import { redactIdentifiers } from '../domain/redact-identifiers.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { recordEvent, type LibraryContext } from '../library/library-context.ts';
import type { Answer } from './ask-types.ts';

export interface ThreadContext extends ThreadContextColumn {
  /** Diagnoses of the last coverage question, for "and for 62321?". */
  diagnoses: string[];
  lastIntent: string | null;
  /** The one code the last question named (any system), for "is it billable?". */
  subject?: ThreadSubject | null;
}

/** A code with the system the question named it in ("modifier JG", a diagnosis). */
export interface ThreadSubject {
  code: string;
  system: 'modifier' | 'icd10cm' | null;
}

export interface StoredThread {
  id: string;
  lang: string;
  context: ThreadContext;
  createdAt: string;
  messages: { id: string; turn: number; question: string; answer: Answer; createdAt: string }[];
}

const emptyContext: ThreadContext = {
  codes: [],
  diagnoses: [],
  dos: null,
  setting: null,
  lastIntent: null,
};
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createThread(ctx: LibraryContext, lang: string): Promise<string> {
  const id = randomUUID();
  await ctx.db
    .insertInto('threads')
    .values({ id, org_id: ctx.orgId, lang, context: JSON.stringify(emptyContext) })
    .execute();
  return id;
}

/** A thread's remembered context; NOT_FOUND for an unknown id or another org's thread. */
export { emptyContext };

export async function threadContext(ctx: LibraryContext, id: string): Promise<ThreadContext> {
  const row = await threadRow(ctx, id);
  return { ...emptyContext, ...(row.context as Partial<ThreadContext>) };
}

async function threadRow(ctx: LibraryContext, id: string) {
  const row = uuidShape.test(id)
    ? await ctx.db
        .selectFrom('threads')
        .selectAll()
        .where('id', '=', id)
        .where('org_id', '=', ctx.orgId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new CodecardError('NOT_FOUND', { detail: `no thread ${id}` });
  return row;
}

/**
 * Stores a question (identifiers masked: the answer was computed from the text as typed) and its
 * answer as the thread's next turn; returns the message (answer) id.
 */
export async function appendMessage(
  ctx: LibraryContext,
  threadId: string,
  question: string,
  answer: Answer,
  context: ThreadContext,
): Promise<string> {
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ turn: number }>`
      select coalesce(max(turn), 0) + 1 as turn from thread_messages
      where thread_id = ${threadId}`.execute(trx);
    await trx
      .insertInto('thread_messages')
      .values({
        id,
        org_id: ctx.orgId,
        thread_id: threadId,
        turn: rows[0]?.turn ?? 1,
        question: redactIdentifiers(question),
        answer: JSON.stringify({ ...answer, id }),
      })
      .execute();
    await trx
      .updateTable('threads')
      .set({ context: JSON.stringify(context), updated_at: sql`now()` })
      .where('id', '=', threadId)
      .where('org_id', '=', ctx.orgId)
      .execute();
  });
  return id;
}

export async function getThread(ctx: LibraryContext, id: string): Promise<StoredThread> {
  const row = await threadRow(ctx, id);
  const messages = await ctx.db
    .selectFrom('thread_messages')
    .select(['id', 'turn', 'question', 'answer', 'created_at'])
    .where('thread_id', '=', id)
    .where('org_id', '=', ctx.orgId)
    .orderBy('turn')
    .execute();
  return {
    id: row.id,
    lang: row.lang,
    context: { ...emptyContext, ...(row.context as Partial<ThreadContext>) },
    createdAt: String(row.created_at),
    messages: messages.map((m) => ({
      id: m.id,
      turn: m.turn,
      question: m.question,
      answer: m.answer as Answer,
      createdAt: String(m.created_at),
    })),
  };
}

/**
 * Up or down on an answer, with an optional comment (identifiers masked); NOT_FOUND for an
 * unknown answer. The usage event carries the vote only: events are kept far longer than
 * question text and must hold no free text.
 */
export async function recordFeedback(
  ctx: LibraryContext,
  answerId: string,
  vote: 'up' | 'down',
  comment: string | null,
): Promise<void> {
  const message = uuidShape.test(answerId)
    ? await ctx.db
        .selectFrom('thread_messages')
        .select('id')
        .where('id', '=', answerId)
        .where('org_id', '=', ctx.orgId)
        .executeTakeFirst()
    : undefined;
  if (!message) throw new CodecardError('NOT_FOUND', { detail: `no answer ${answerId}` });
  await ctx.db
    .insertInto('answer_feedback')
    .values({
      org_id: ctx.orgId,
      message_id: answerId,
      vote,
      comment: comment === null ? null : redactIdentifiers(comment),
    })
    .execute();
  recordEvent(ctx, { type: 'feedback', data: { vote } });
}

/** A question the library could not answer (identifiers masked), for the gaps list. */
export async function recordGap(
  ctx: LibraryContext,
  gap: { messageId: string; question: string; lang: string; codes: string[]; terms: string[] },
): Promise<void> {
  await ctx.db
    .insertInto('library_gaps')
    .values({
      org_id: ctx.orgId,
      message_id: gap.messageId,
      question: redactIdentifiers(gap.question),
      lang: gap.lang,
      codes: JSON.stringify(gap.codes),
      terms: JSON.stringify(gap.terms),
    })
    .execute();
}
