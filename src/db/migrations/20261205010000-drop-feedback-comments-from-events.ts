import { sql, type Kysely } from 'kysely';

/**
 * Feedback events used to carry the comment's text. Events are kept 400 days and hold no free
 * text now (the comment stays with the answer, masked, for the question retention period), so
 * the comments already written to events are removed; the votes stay.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update events set data = data - 'comment'
    where type = 'feedback' and data ? 'comment'`.execute(db);
}

/** The removed text cannot come back; nothing to undo. */
export async function down(): Promise<void> {}
