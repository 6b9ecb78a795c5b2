import { sql, type Kysely } from 'kysely';
import { REFERENCE_ORG } from '../../domain/reference-org.ts';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/**
 * Release sync (issue 19): one row per dataset check of the mirror, with what came of it (a new
 * version imported, already held, or the step that failed and why), the release's source URL,
 * publication and effective dates, the ETag or Last-Modified the download came with (the next
 * check asks whether it changed), and the document version it produced or found. Rows belong
 * to the library they were synced into (the reference data's), fenced like the library tables,
 * and every organization may read the reference ones. The schedule is one instance-wide row so
 * several instances check once and a restart does not check early; the fenced role has no
 * access to it (only the server's own connection claims a check).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table release_syncs (
      id bigint generated always as identity primary key,
      org_id text not null references orgs(id),
      dataset_id text not null,
      kind text not null,
      checked_at timestamptz not null default now(),
      result text not null check (result in ('imported', 'up-to-date', 'failed')),
      failed_step text check (failed_step in ('mirror', 'download', 'verify', 'import')),
      message text,
      source_url text not null,
      source_validator text,
      release_label text,
      published_on date,
      effective_on date,
      file_hash text,
      document_id bigint
    )`.execute(db);
  await sql`
    create index release_syncs_dataset on release_syncs (org_id, dataset_id, checked_at desc)`.execute(
    db,
  );
  await sql`alter table release_syncs enable row level security`.execute(db);
  await sql`
    create policy org_fence on release_syncs to ${sql.raw(FENCED_ROLE)}
    using (org_id = current_setting('codecard.org_id', true))
    with check (org_id = current_setting('codecard.org_id', true))`.execute(db);
  await sql`
    create policy reference_read on release_syncs for select to ${sql.raw(FENCED_ROLE)}
    using (org_id = ${sql.lit(REFERENCE_ORG)})`.execute(db);
  await sql`
    create table release_sync_schedule (
      id smallint primary key check (id = 1),
      next_check_at timestamptz,
      last_started_at timestamptz
    )`.execute(db);
  await sql`insert into release_sync_schedule (id) values (1)`.execute(db);
  await sql`revoke all on release_sync_schedule from ${sql.raw(FENCED_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table release_sync_schedule`.execute(db);
  await sql`drop table release_syncs`.execute(db);
}
