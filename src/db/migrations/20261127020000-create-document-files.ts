import { sql, type Kysely } from 'kysely';

/**
 * The original bytes of prose documents (PDF, DOCX, HTML, Markdown, text), so the source viewer
 * can show a cited PDF page as it was published. Tables are not kept: their rows are the facts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_files (
      org_id text not null,
      document_id integer primary key,
      content_type text not null,
      bytes bytea not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists document_files`.execute(db);
}
