import { sql, type Kysely } from 'kysely';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/** The org-owned tables this migration adds (each fenced like the others). */
const checkJobTables = ['check_jobs', 'check_job_claims', 'check_results'] as const;

/**
 * Batch claim checks in the database instead of the server's memory: the job (status, progress,
 * summary counts), its claims as parsed at upload (so a check cut short by a restart can be
 * resumed) and its results, written as they are produced and read back in pages by `seq`, the
 * claim's position in the file (1, 2, …). Claims are stored in chunks (`seq` is the chunk's
 * first claim), gzip-compressed NDJSON in base64: nothing queries inside them, and writing a
 * tenth of the bytes is what the embedded store's speed depends on. Results are `json`, not
 * `jsonb`: stored as written, so a download is byte for byte what the synchronous check gives
 * (jsonb reorders keys), and no query looks inside them either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table check_jobs (
      id uuid primary key,
      org_id text not null references orgs(id),
      file_name text not null,
      lang text not null,
      status text not null check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
      resumable boolean not null default false,
      done integer not null default 0,
      total integer not null,
      claims_with_errors integer not null default 0,
      errors integer not null default 0,
      warnings integer not null default 0,
      infos integer not null default 0,
      error_code text,
      error_message text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index check_jobs_status on check_jobs (status)`.execute(db);
  // Retention deletes by finish time across organizations.
  await sql`create index check_jobs_finished on check_jobs (finished_at)`.execute(db);
  // Claims are written once and read in order: a row holds a chunk of them, compressed.
  await sql`
    create table check_job_claims (
      job_id uuid not null references check_jobs(id) on delete cascade,
      org_id text not null,
      seq integer not null,
      count integer not null,
      claims text not null,
      primary key (job_id, seq)
    )`.execute(db);
  await sql`
    create table check_results (
      job_id uuid not null references check_jobs(id) on delete cascade,
      org_id text not null,
      seq integer not null,
      result json not null,
      primary key (job_id, seq)
    )`.execute(db);
  for (const table of checkJobTables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy org_fence on ${sql.table(table)} to ${sql.raw(FENCED_ROLE)}
      using (org_id = current_setting('codecard.org_id', true))
      with check (org_id = current_setting('codecard.org_id', true))`.execute(db);
    await sql`grant select, insert, update, delete on ${sql.table(table)} to ${sql.raw(FENCED_ROLE)}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...checkJobTables].reverse())
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
