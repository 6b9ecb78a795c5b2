import { sql, type Kysely } from 'kysely';

/** The library: organizations, document versions, dated facts and cited passages. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create table orgs (
      id text primary key,
      name text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`insert into orgs (id, name) values ('default', 'Default organization')`.execute(db);

  // Fact and passage tables carry document_id without a foreign key: the per-row referential
  // check tripled the time of a 2M-row COPY. Removing a document deletes its rows explicitly,
  // in the same transaction (src/library/document-removal.ts).

  // One row per document version. Versions of one dataset share dataset_key; effective_to is
  // derived from the next version's effective_from so older dates of service see older facts.
  await sql`
    create table documents (
      id integer generated always as identity primary key,
      org_id text not null references orgs(id),
      dataset_key text not null,
      partial boolean not null default false,
      kind text not null,
      title text not null,
      publisher text,
      setting text,
      system text,
      language text,
      release text,
      file_name text not null,
      file_hash text not null,
      file_size bigint not null,
      effective_from date,
      effective_to date,
      imported_at timestamptz not null default now(),
      rows_read integer not null default 0,
      rows_stored integer not null default 0,
      rows_skipped integer not null default 0,
      skipped_reasons jsonb not null default '{}'::jsonb,
      unique (org_id, file_hash)
    )`.execute(db);
  await sql`create index documents_dataset on documents (org_id, dataset_key)`.execute(db);

  await sql`
    create table code_descriptors (
      org_id text not null,
      document_id integer not null,
      system text not null,
      code text not null,
      long_description text not null,
      medium_description text,
      short_description text,
      consumer_description text,
      billable boolean,
      effective_from date,
      effective_to date,
      attributes jsonb,
      locator text not null,
      search_vector tsvector generated always as (
        to_tsvector('english', long_description || ' ' || coalesce(short_description, '')
          || ' ' || coalesce(consumer_description, ''))
      ) stored
    )`.execute(db);
  await sql`create index code_descriptors_code on code_descriptors (org_id, code)`.execute(db);
  await sql`create index code_descriptors_document on code_descriptors (document_id)`.execute(db);
  await sql`create index code_descriptors_search on code_descriptors using gin (search_vector)`.execute(
    db,
  );
  await sql`create index code_descriptors_trgm on code_descriptors using gin (long_description gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table code_notes (
      org_id text not null,
      document_id integer not null,
      system text not null,
      code text not null,
      note_type text not null,
      text text not null,
      locator text not null,
      search_vector tsvector generated always as (to_tsvector('english', text)) stored
    )`.execute(db);
  await sql`create index code_notes_code on code_notes (org_id, code)`.execute(db);
  await sql`create index code_notes_document on code_notes (document_id)`.execute(db);
  await sql`create index code_notes_search on code_notes using gin (search_vector)`.execute(db);

  await sql`
    create table ptp_edits (
      org_id text not null,
      document_id integer not null,
      column1 text not null,
      column2 text not null,
      prior_1996 boolean not null,
      effective_from date,
      deletion_date date,
      modifier_indicator smallint not null,
      rationale text,
      locator text not null
    )`.execute(db);
  await sql`create index ptp_edits_pair on ptp_edits (org_id, column1, column2)`.execute(db);
  await sql`create index ptp_edits_column2 on ptp_edits (org_id, column2)`.execute(db);

  await sql`
    create table mue_edits (
      org_id text not null,
      document_id integer not null,
      code text not null,
      mue_value integer not null,
      adjudication smallint,
      rationale text,
      locator text not null
    )`.execute(db);
  await sql`create index mue_edits_code on mue_edits (org_id, code)`.execute(db);
  await sql`create index mue_edits_document on mue_edits (document_id)`.execute(db);

  await sql`
    create table rvu_indicators (
      org_id text not null,
      document_id integer not null,
      code text not null,
      modifier text,
      status_code text,
      global_days text,
      multiple_procedure text,
      bilateral_surgery text,
      assistant_surgery text,
      co_surgeons text,
      team_surgery text,
      locator text not null
    )`.execute(db);
  await sql`create index rvu_indicators_code on rvu_indicators (org_id, code)`.execute(db);
  await sql`create index rvu_indicators_document on rvu_indicators (document_id)`.execute(db);

  await sql`
    create table add_on_codes (
      org_id text not null,
      document_id integer not null,
      add_on_code text not null,
      primary_code text not null,
      locator text not null
    )`.execute(db);
  await sql`create index add_on_codes_code on add_on_codes (org_id, add_on_code)`.execute(db);
  await sql`create index add_on_codes_document on add_on_codes (document_id)`.execute(db);

  await sql`
    create table coverage_codes (
      org_id text not null,
      document_id integer not null,
      policy_id text not null,
      procedure_code text not null,
      icd10_code text not null,
      locator text not null
    )`.execute(db);
  await sql`create index coverage_codes_code on coverage_codes (org_id, procedure_code)`.execute(
    db,
  );
  await sql`create index coverage_codes_document on coverage_codes (document_id)`.execute(db);

  await sql`
    create table passages (
      id integer generated always as identity primary key,
      org_id text not null,
      document_id integer not null,
      ordinal integer not null,
      text text not null,
      page integer,
      heading_path jsonb not null,
      start_offset integer not null,
      end_offset integer not null,
      language text not null,
      text_search_config regconfig not null,
      search_vector tsvector generated always as (to_tsvector(text_search_config, text)) stored
    )`.execute(db);
  await sql`create index passages_document on passages (document_id, ordinal)`.execute(db);
  await sql`create index passages_search on passages using gin (search_vector)`.execute(db);
  await sql`create index passages_trgm on passages using gin (text gin_trgm_ops)`.execute(db);

  await sql`
    create table code_mentions (
      org_id text not null,
      document_id integer not null,
      passage_id integer not null,
      system text not null,
      code text not null,
      start_offset integer not null,
      end_offset integer not null,
      via text not null
    )`.execute(db);
  await sql`create index code_mentions_code on code_mentions (org_id, code)`.execute(db);
  await sql`create index code_mentions_passage on code_mentions (passage_id)`.execute(db);
  await sql`create index code_mentions_document on code_mentions (document_id)`.execute(db);
}
