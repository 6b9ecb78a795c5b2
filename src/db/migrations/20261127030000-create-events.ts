import { sql, type Kysely } from 'kysely';

/**
 * Usage events for the Performance dashboard: questions, card views, checks, feedback and
 * imports, per org. `data` holds counts and codes only, never claim identifiers, diagnoses,
 * providers or other free text from claims (see src/events/). The index serves the dashboard's
 * queries, which always name the org, the event type and a time range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table events (
      id bigint generated always as identity primary key,
      org_id text not null,
      type text not null,
      at timestamptz not null default now(),
      data jsonb not null
    )`.execute(db);
  await sql`create index events_org_type_at on events (org_id, type, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists events`.execute(db);
}
