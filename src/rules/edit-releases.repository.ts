import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** An NCCI release (PTP or MUE file) with its period and what it covers (edit_scopes). */
export interface NcciRelease {
  id: number;
  kind: string;
  title: string;
  release: string | null;
  setting: string | null;
  partial: boolean;
  file_name: string;
  effective_from: string | null;
  effective_to: string | null;
  /** Null when the release has no recorded scope (it is then taken to cover nothing). */
  earliest_row_start: string | null;
  first_code: string | null;
  last_code: string | null;
  codes: string[] | null;
  has_scope: boolean;
}

/** The org's NCCI releases, oldest first: the order gives each release its rank. */
export async function findNcciReleases(
  db: Kysely<Database>,
  orgId: string,
): Promise<NcciRelease[]> {
  const { rows } = await sql<NcciRelease>`
    select d.id, d.kind, d.title, d.release, d.setting, d.partial, d.file_name,
      d.effective_from, d.effective_to, s.earliest_row_start, s.first_code, s.last_code, s.codes,
      s.document_id is not null as has_scope
    from documents d left join edit_scopes s on s.document_id = d.id
    where d.org_id = any(library_orgs(${orgId}))
      and d.id <> all((select shadowed_documents(${orgId}))::int[])
      and d.kind in ('ncci-ptp', 'ncci-mue')
    order by d.effective_from nulls first, d.imported_at, d.id`.execute(db);
  return rows;
}
