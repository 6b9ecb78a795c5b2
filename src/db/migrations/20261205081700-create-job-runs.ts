import { sql, type Kysely } from 'kysely';

/**
 * Durable jobs on PostgreSQL (pg-boss keeps the queue in its own schema): one row per job that
 * has started, with the worker running it, its attempt, a heartbeat the worker renews every few
 * seconds and its last progress. A worker killed mid-job stops beating, and any other worker's
 * supervisor hands the job to a retry within the stale period instead of pg-boss's expiry (hours,
 * so long imports are never cut short). Every instance reads progress here. Instance-wide rows
 * like the queue itself (no org_id): callers see a job only through its kind's owner check.
 * Created on the embedded store too (one schema everywhere); unused there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job_runs (
      job_id uuid primary key,
      kind text not null,
      worker text not null,
      attempt integer not null,
      beat_at timestamptz not null default now(),
      progress jsonb
    )`.execute(db);
  await sql`create index job_runs_beat_at on job_runs (beat_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table job_runs`.execute(db);
}
