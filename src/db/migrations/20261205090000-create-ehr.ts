import { sql, type Kysely } from 'kysely';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/**
 * Inside the EHR (issue 18): each organization's EHR connection (set by its admin; it turns on
 * case-specific answers), users' requests for one, SMART launches waiting for the EHR's answer
 * (one row per `state`, taken once), the instance's key for sealing case tokens, and the mark
 * on accounts the EHR launch created. No FHIR content and no token is ever stored here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ehr_connections (
      org_id text primary key references orgs(id),
      issuer text not null unique,
      client_id text not null,
      scopes text not null,
      frame_ancestors jsonb not null default '[]',
      updated_at timestamptz not null default now(),
      updated_by text
    )`.execute(db);
  await sql`
    create table ehr_access_requests (
      id bigint generated always as identity primary key,
      org_id text not null references orgs(id),
      user_id text not null references users(id) on delete cascade,
      note text not null default '',
      requested_at timestamptz not null default now(),
      handled_at timestamptz
    )`.execute(db);
  // Once per user while open.
  await sql`
    create unique index ehr_access_requests_open on ehr_access_requests (org_id, user_id)
    where handled_at is null`.execute(db);
  // The launch's PKCE verifier is sealed with the instance key; the row is deleted when used.
  await sql`
    create table smart_launches (
      state_hash text primary key,
      org_id text not null references orgs(id),
      issuer text not null,
      launch text,
      redirect_uri text not null,
      sealed_verifier text not null,
      binding_hash text not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`
    create table ehr_seal_keys (
      id smallint primary key check (id = 1),
      secret text not null
    )`.execute(db);
  // The instance's secret: the organizations' fenced role never reads it (the default
  // privileges of the fence migration would grant it); only the server's own role does.
  await sql`revoke all on ehr_seal_keys from ${sql.raw(FENCED_ROLE)}`.execute(db);
  await sql`alter table users add column ehr_user boolean not null default false`.execute(db);
  for (const table of ['ehr_connections', 'ehr_access_requests', 'smart_launches']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy org_fence on ${sql.table(table)} to ${sql.raw(FENCED_ROLE)}
      using (org_id = current_setting('codecard.org_id', true))
      with check (org_id = current_setting('codecard.org_id', true))`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column ehr_user`.execute(db);
  await sql`drop table ehr_seal_keys`.execute(db);
  await sql`drop table smart_launches`.execute(db);
  await sql`drop table ehr_access_requests`.execute(db);
  await sql`drop table ehr_connections`.execute(db);
}
