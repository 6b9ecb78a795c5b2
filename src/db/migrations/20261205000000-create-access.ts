import { sql, type Kysely } from 'kysely';

/**
 * Accounts and who may do what: users, their role in each organization, sessions, API keys,
 * one-time invites (the first-start setup link is one) and the append-only audit log. Secrets
 * (session ids, keys, invite tokens, passwords) are stored only as hashes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id text primary key,
      email text not null unique,
      display_name text not null default '',
      password_hash text,
      instance_admin boolean not null default false,
      oidc_issuer text,
      oidc_subject text,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      unique (oidc_issuer, oidc_subject)
    )`.execute(db);
  await sql`
    create table memberships (
      user_id text not null references users(id) on delete cascade,
      org_id text not null references orgs(id),
      role text not null check (role in ('viewer', 'coder', 'librarian', 'admin')),
      created_at timestamptz not null default now(),
      primary key (user_id, org_id)
    )`.execute(db);
  await sql`
    create table sessions (
      id_hash text primary key,
      user_id text not null references users(id) on delete cascade,
      org_id text not null references orgs(id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);
  await sql`
    create table api_keys (
      id text primary key,
      org_id text not null references orgs(id),
      name text not null,
      role text not null check (role in ('viewer', 'coder', 'librarian', 'admin')),
      key_hash text not null unique,
      prefix text not null,
      created_by text not null references users(id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_keys_org on api_keys (org_id, created_at)`.execute(db);
  await sql`
    create table invites (
      token_hash text primary key,
      org_id text not null references orgs(id),
      role text not null check (role in ('viewer', 'coder', 'librarian', 'admin')),
      email text,
      instance_admin boolean not null default false,
      created_by text references users(id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      org_id text,
      actor_user_id text,
      actor_api_key_id text,
      action text not null,
      target_type text,
      target_id text,
      outcome text not null check (outcome in ('ok', 'denied', 'failed')),
      ip text
    )`.execute(db);
  await sql`create index audit_log_org_at on audit_log (org_id, at)`.execute(db);
  // Append-only: the database itself refuses to change or remove an entry.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}
