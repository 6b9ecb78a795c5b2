import { sql, type Kysely } from 'kysely';

/** The role a request's connection takes on PostgreSQL (src/db/org-fence.ts). */
export const FENCED_ROLE = 'codecard_org';

/** Every table whose rows belong to one organization. */
const orgTables = [
  'documents',
  'code_descriptors',
  'code_notes',
  'ptp_edits',
  'mue_edits',
  'rvu_indicators',
  'add_on_codes',
  'coverage_codes',
  'gpci_localities',
  'mcd_documents',
  'passages',
  'code_mentions',
  'document_files',
  'threads',
  'thread_messages',
  'answer_feedback',
  'library_gaps',
  'events',
  'memberships',
  'sessions',
  'api_keys',
  'invites',
  'audit_log',
];

/**
 * Row-level security as a second fence around each organization's rows. A request's
 * connection switches to a role without superuser or owner rights and names its organization
 * in `codecard.org_id`; the policies then hide and refuse every other organization's row,
 * even to a query that forgot its `org_id` filter. The server's own work (migrations, imports,
 * sign-in) keeps the connecting role, which owns the tables and so is not fenced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles belong to the whole server, so several databases on one server share it; two
  // databases migrating at once may race to create it. A database user without CREATEROLE can
  // run this when an administrator made the role and granted it to them beforehand.
  await sql`
    do $$ begin
      create role ${sql.raw(FENCED_ROLE)} nologin;
    exception when duplicate_object or unique_violation or insufficient_privilege then null;
    end $$`.execute(db);
  await sql`
    do $$ begin
      grant ${sql.raw(FENCED_ROLE)} to current_user;
    exception when insufficient_privilege then null;
    end $$`.execute(db);
  await sql`grant usage on schema public to ${sql.raw(FENCED_ROLE)}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${sql.raw(FENCED_ROLE)}`.execute(
    db,
  );
  await sql`grant usage, select on all sequences in schema public to ${sql.raw(FENCED_ROLE)}`.execute(
    db,
  );
  await sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${sql.raw(FENCED_ROLE)}`.execute(
    db,
  );
  await sql`alter default privileges in schema public grant usage, select on sequences to ${sql.raw(FENCED_ROLE)}`.execute(
    db,
  );
  for (const table of orgTables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy org_fence on ${sql.table(table)} to ${sql.raw(FENCED_ROLE)}
      using (org_id = current_setting('codecard.org_id', true))
      with check (org_id = current_setting('codecard.org_id', true))`.execute(db);
  }
}
