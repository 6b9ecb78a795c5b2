import { sql, type Kysely } from 'kysely';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/**
 * CDS Hooks calls authenticated by the EHR's JWT (issue 18): each EHR connection may name its
 * CDS client (the JWT `iss`, unique across organizations, and the URL of its public keys), and
 * the JWT ids already used are kept until they expire, so a captured token cannot be replayed
 * on another instance. No token is stored: only its issuer, its `jti` and its expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ehr_connections add column cds_issuer text unique`.execute(db);
  await sql`alter table ehr_connections add column cds_jwks_url text`.execute(db);
  await sql`
    create table cds_seen_jtis (
      issuer text not null,
      jti text not null,
      expires_at timestamptz not null,
      primary key (issuer, jti)
    )`.execute(db);
  await sql`create index cds_seen_jtis_expiry on cds_seen_jtis (expires_at)`.execute(db);
  // The instance's replay guard, written before the caller's organization is known: the
  // organizations' fenced role has no business with it.
  await sql`revoke all on cds_seen_jtis from ${sql.raw(FENCED_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table cds_seen_jtis`.execute(db);
  await sql`alter table ehr_connections drop column cds_jwks_url`.execute(db);
  await sql`alter table ehr_connections drop column cds_issuer`.execute(db);
}
