import { sql, type Kysely } from 'kysely';

/**
 * Table rows answered as rows: the GPCI localities (PFS Addendum E), the Medicare Coverage
 * Database index (one LCD or article per row), and every column of an RVU row kept beside its
 * indicators. Like the other fact tables: no foreign keys, removal deletes by document.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table gpci_localities (
      org_id text not null,
      document_id integer not null,
      mac text not null,
      state text not null,
      locality_number text not null,
      locality_name text not null,
      work_gpci text,
      pe_gpci text,
      mp_gpci text,
      notes jsonb not null,
      locator text not null
    )`.execute(db);
  await sql`create index gpci_localities_document on gpci_localities (document_id)`.execute(db);
  await sql`create index gpci_localities_org on gpci_localities (org_id, state)`.execute(db);

  await sql`
    create table mcd_documents (
      org_id text not null,
      document_id integer not null,
      display_id text not null,
      document_type text not null,
      document_version text,
      title text not null,
      contractors jsonb not null,
      contractor_text text not null,
      effective_date date,
      retirement_date date,
      updated_on date,
      note text,
      url text,
      locator text not null,
      title_vector tsvector generated always as (to_tsvector('english', title)) stored
    )`.execute(db);
  await sql`create index mcd_documents_document on mcd_documents (document_id)`.execute(db);
  await sql`create index mcd_documents_id on mcd_documents (org_id, display_id)`.execute(db);
  await sql`create index mcd_documents_title on mcd_documents using gin (title_vector)`.execute(db);

  await sql`alter table rvu_indicators add column columns jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rvu_indicators drop column if exists columns`.execute(db);
  await sql`drop table if exists mcd_documents`.execute(db);
  await sql`drop table if exists gpci_localities`.execute(db);
}
