import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';

/**
 * Whether the library has anything at all about a code: a descriptor, an edit, an MUE, an
 * indicator, an add-on or coverage row, or a passage that mentions it. A question about codes
 * it knows nothing of is refused (and recorded as a gap) rather than answered "no limit found".
 */
export async function libraryKnows(ctx: LibraryContext, code: string): Promise<boolean> {
  const org = ctx.orgId;
  const { rows } = await sql<{ known: boolean }>`
    select (
      exists (select 1 from code_descriptors where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and code = ${code})
      or exists (select 1 from code_mentions where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and code = ${code})
      or exists (select 1 from mue_edits where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and code = ${code})
      or exists (select 1 from ptp_edits where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and column1 = ${code})
      or exists (select 1 from ptp_edits where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and column2 = ${code})
      or exists (select 1 from rvu_indicators where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and code = ${code})
      or exists (select 1 from add_on_codes where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and add_on_code = ${code})
      or exists (select 1 from coverage_codes where org_id = any(library_orgs(${org}))
      and document_id <> all((select shadowed_documents(${org}))::int[]) and procedure_code = ${code})
    ) as known`.execute(ctx.db);
  return rows[0]?.known === true;
}
