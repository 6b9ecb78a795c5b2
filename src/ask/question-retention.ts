import type { Db } from '../db/database.ts';
import {
  blankGapQuestionsBefore,
  blankMessageQuestionsBefore,
  deleteThreadsIdleSince,
  dropFeedbackCommentsBefore,
} from './question-retention.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one pass of question retention removed. */
export interface ForgottenQuestions {
  /** The oldest time whose question text is still kept (ISO). */
  cutoff: string;
  threads: number;
  messages: number;
  gaps: number;
  comments: number;
}

/**
 * Question text and feedback comments are kept `retentionDays` (CODECARD_QUESTION_RETENTION_DAYS)
 * and then removed, in one transaction:
 * - A thread without a question since the cutoff is deleted whole (messages and feedback with
 *   it): its context (codes, diagnoses, date of service) and answers were read from the case
 *   the questions described, and a conversation with its questions blanked is of no use to
 *   anyone. The Performance measures do not read threads: questions, answers and votes are
 *   counted from usage events, and gaps from their own rows (which only lose their link).
 * - In a thread still in use, older questions are blanked: the rows keep their turn and answer,
 *   so the thread reads in order and its feedback still points somewhere.
 * - Gap rows keep their codes, words, language and time, so gap counts stay; the question is ''.
 * - Feedback keeps its vote; the comment is removed.
 * `now` is the caller's clock, so tests move it instead of waiting.
 */
export async function forgetExpiredQuestions(
  db: Db,
  now: Date,
  retentionDays: number,
): Promise<ForgottenQuestions> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return db.transaction().execute(async (trx) => ({
    cutoff,
    threads: await deleteThreadsIdleSince(trx, cutoff),
    messages: await blankMessageQuestionsBefore(trx, cutoff),
    gaps: await blankGapQuestionsBefore(trx, cutoff),
    comments: await dropFeedbackCommentsBefore(trx, cutoff),
  }));
}
