import { sql, type Kysely } from 'kysely';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/**
 * The codes an organization chose to watch (issue 19): the changes of each release are shown
 * for them (and for the codes its checks have seen, which are read from the usage events and
 * not stored here). One row per organization and code; `system` says how the code was read
 * (cpt, hcpcs or icd10cm), so an ICD-10-CM code keeps its dot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table watched_codes (
      org_id text not null references orgs(id),
      code text not null,
      system text not null check (system in ('cpt', 'hcpcs', 'icd10cm')),
      added_by text references users(id) on delete set null,
      added_at timestamptz not null default now(),
      primary key (org_id, code)
    )`.execute(db);
  await sql`alter table watched_codes enable row level security`.execute(db);
  await sql`
    create policy org_fence on watched_codes to ${sql.raw(FENCED_ROLE)}
    using (org_id = current_setting('codecard.org_id', true))
    with check (org_id = current_setting('codecard.org_id', true))`.execute(db);
  await sql`grant select, insert, update, delete on watched_codes to ${sql.raw(FENCED_ROLE)}`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table watched_codes`.execute(db);
}
