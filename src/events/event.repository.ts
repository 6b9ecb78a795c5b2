import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** An event as stored: `at` an ISO timestamp, `data` its JSON text. */
export interface EventRow {
  org_id: string;
  type: string;
  at: string;
  data: string;
}

/** Writes a batch of events as one multi-row insert. */
export async function insertEvents(db: Db, rows: readonly EventRow[]): Promise<void> {
  await db.insertInto('events').values(rows).execute();
}

/** Deletes every event older than `cutoff` (an ISO timestamp), through the index on `at`. */
export async function deleteEventsBefore(db: Db, cutoff: string): Promise<void> {
  await db
    .deleteFrom('events')
    .where(sql<boolean>`at < ${cutoff}::timestamptz`)
    .execute();
}
