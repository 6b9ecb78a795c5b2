import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { nextCheckAfter } from './sync-schedule.ts';

/**
 * Takes the instance's release check if it is due at `now` (never checked, or its time has
 * come) and moves the next one `intervalHours` on, in one statement: of several instances
 * ticking at once exactly one gets it, and the time survives restarts.
 */
export async function claimDueCheck(db: Db, now: Date, intervalHours: number): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    update release_sync_schedule
    set last_started_at = ${now.toISOString()},
        next_check_at = ${nextCheckAfter(now, intervalHours).toISOString()}
    where id = 1 and (next_check_at is null or next_check_at <= ${now.toISOString()})
    returning id`.execute(db);
  return rows.length === 1;
}

export async function readSchedule(
  db: Db,
): Promise<{ nextCheckAt: Date | null; lastStartedAt: Date | null }> {
  const row = await db
    .selectFrom('release_sync_schedule')
    .select(['next_check_at', 'last_started_at'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return { nextCheckAt: row?.next_check_at ?? null, lastStartedAt: row?.last_started_at ?? null };
}
