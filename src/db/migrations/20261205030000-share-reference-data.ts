import { sql, type Kysely } from 'kysely';
import { REFERENCE_ORG } from '../../domain/reference-org.ts';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/** Tables of the library: documents and everything an import brings. */
const libraryTables = [
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
];

/**
 * Official datasets are imported once, by an instance admin, into the `reference`
 * organization, and every organization reads them beside its own documents. Reads of library
 * tables ask for `org_id = any(library_orgs(org))`: a plain SQL function the planner inlines,
 * so the (org_id, …) indexes serve it. On PostgreSQL a second policy lets a fenced connection
 * read (never write) the reference rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into orgs (id, name) values (${REFERENCE_ORG}, 'Reference data (instance-wide)')
    on conflict (id) do nothing`.execute(db);
  await sql`
    create function library_orgs(org text) returns text[]
    language sql immutable parallel safe
    as $$ select array[org, ${sql.raw(`'${REFERENCE_ORG}'`)}] $$`.execute(db);
  for (const table of libraryTables) {
    await sql`
      create policy reference_read on ${sql.table(table)} for select to ${sql.raw(FENCED_ROLE)}
      using (org_id = ${sql.lit(REFERENCE_ORG)})`.execute(db);
  }
}
