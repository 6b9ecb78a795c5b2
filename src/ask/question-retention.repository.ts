import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * The statements of question retention, for every organization at once (retention is an
 * instance setting, like usage-event retention). `cutoff` is an ISO timestamp; each returns how
 * many rows it changed.
 */

/** Deletes threads with no new question since `cutoff`; their messages and feedback go too. */
export async function deleteThreadsIdleSince(db: Db, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('threads')
    .where(sql<boolean>`updated_at < ${cutoff}::timestamptz`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Blanks the question text of messages asked before `cutoff`; rows and answers stay. */
export async function blankMessageQuestionsBefore(db: Db, cutoff: string): Promise<number> {
  const result = await db
    .updateTable('thread_messages')
    .set({ question: '' })
    .where(sql<boolean>`created_at < ${cutoff}::timestamptz`)
    .where('question', '<>', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Blanks the question text of gaps recorded before `cutoff`; codes, words and dates stay. */
export async function blankGapQuestionsBefore(db: Db, cutoff: string): Promise<number> {
  const result = await db
    .updateTable('library_gaps')
    .set({ question: '' })
    .where(sql<boolean>`created_at < ${cutoff}::timestamptz`)
    .where('question', '<>', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Removes the comments of feedback given before `cutoff`; the votes stay. */
export async function dropFeedbackCommentsBefore(db: Db, cutoff: string): Promise<number> {
  const result = await db
    .updateTable('answer_feedback')
    .set({ comment: null })
    .where(sql<boolean>`created_at < ${cutoff}::timestamptz`)
    .where('comment', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
