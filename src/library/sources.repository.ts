import { sql } from 'kysely';
import type { LibraryContext } from './library-context.ts';

/** The fact tables a table citation can point into. */
export type CitableTable =
  | 'ptp_edits'
  | 'mue_edits'
  | 'code_descriptors'
  | 'code_notes'
  | 'rvu_indicators'
  | 'add_on_codes'
  | 'coverage_codes';

export interface SourcePassageRow {
  id: number;
  text: string;
  page: number | null;
  heading_path: string[];
  start_offset: number;
  end_offset: number;
}

export interface PassageWithCodesRow {
  id: number;
  ordinal: number;
  text: string;
  page: number | null;
  heading_path: string[];
  codes: { system: string; code: string }[] | null;
  total: number;
}

/** Up to 20 rows of one table stored at a document's locator ("line 25"), every column. */
export function findRowsAt(
  ctx: LibraryContext,
  table: CitableTable,
  documentId: number,
  locator: string,
) {
  return ctx.db
    .selectFrom(table)
    .selectAll()
    .where('org_id', '=', sql<string>`any(library_orgs(${ctx.orgId}))`)
    .where('document_id', '<>', sql<number>`all((select shadowed_documents(${ctx.orgId}))::int[])`)
    .where('document_id', '=', documentId)
    .where('locator', '=', locator)
    .limit(20)
    .execute();
}

/**
 * Up to 200 of a document's passages in order: those holding the character span from..to and
 * on the page, when given (null: any).
 */
export async function findPassagesAt(
  ctx: LibraryContext,
  documentId: number,
  span: { from: number | null; to: number | null; page: number | null },
): Promise<SourcePassageRow[]> {
  const { from, to, page } = span;
  const { rows } = await sql<SourcePassageRow>`
    select id, text, page, heading_path, start_offset, end_offset from passages
    where org_id = any(library_orgs(${ctx.orgId}))
      and document_id <> all((select shadowed_documents(${ctx.orgId}))::int[]) and document_id = ${documentId}
      and (${from}::int is null or (start_offset <= ${from}::int and end_offset >= ${to}::int))
      and (${page}::int is null or page = ${page}::int)
    order by ordinal limit 200`.execute(ctx.db);
  return rows;
}

/** A page of a document's passages with the codes each mentions and the document's total. */
export async function findPassagesWithCodes(
  ctx: LibraryContext,
  documentId: number,
  offset: number,
  limit: number,
): Promise<PassageWithCodesRow[]> {
  const { rows } = await sql<PassageWithCodesRow>`
    select p.id, p.ordinal, p.text, p.page, p.heading_path, count(*) over ()::int as total,
      (select json_agg(json_build_object('system', c.system, 'code', c.code) order by c.start_offset)
       from (select distinct on (m.system, m.code) m.system, m.code, m.start_offset
             from code_mentions m where m.passage_id = p.id
             order by m.system, m.code, m.start_offset) c) as codes
    from passages p
    where p.org_id = any(library_orgs(${ctx.orgId}))
      and p.document_id <> all((select shadowed_documents(${ctx.orgId}))::int[]) and p.document_id = ${documentId}
    order by p.ordinal offset ${offset} limit ${limit}`.execute(ctx.db);
  return rows;
}

export async function countPassages(ctx: LibraryContext, documentId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from passages
    where org_id = any(library_orgs(${ctx.orgId}))
      and document_id <> all((select shadowed_documents(${ctx.orgId}))::int[]) and document_id = ${documentId}`.execute(
    ctx.db,
  );
  return Number(rows[0]?.n ?? 0);
}
