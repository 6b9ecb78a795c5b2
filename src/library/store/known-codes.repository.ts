import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CodeSystem } from '../../domain/code-system.ts';

/**
 * Codes the library knows in a range ("62321-62327"): from the code tables and, since an
 * organization may hold no CPT descriptor file, from the NCCI tables that name the codes.
 */
export async function knownCodesInRange(
  db: Kysely<Database>,
  orgId: string,
  system: CodeSystem,
  from: string,
  to: string,
): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    select code from code_descriptors
      where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[]) and system = ${system} and code between ${from} and ${to}
        and length(code) = ${from.length}
    union
    select code from mue_edits
      where ${system} in ('cpt', 'hcpcs') and org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[]) and code between ${from} and ${to}
        and length(code) = ${from.length}
    union
    select distinct column1 from ptp_edits
      where ${system} in ('cpt', 'hcpcs') and org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[]) and column1 between ${from} and ${to}
        and length(column1) = ${from.length}
    order by 1`.execute(db);
  return rows.map((r) => r.code);
}
