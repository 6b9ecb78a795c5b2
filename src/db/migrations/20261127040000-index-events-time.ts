import { sql, type Kysely } from 'kysely';

/**
 * Retention deletes events by time alone, across orgs and types, which the (org_id, type, at)
 * index cannot serve: without this one each pruning (hourly, and once per CLI command that
 * records an event) would scan the whole table to find nothing to delete.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index events_at on events (at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists events_at`.execute(db);
}
