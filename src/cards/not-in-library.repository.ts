import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import { documentInForce } from '../library/store/effective.repository.ts';

/** A table release in force on the date, as a card searched it for a code. */
export interface SearchedReleaseRow {
  dataset_key: string;
  kind: string;
  title: string;
  release: string | null;
  setting: string | null;
  effective_from: string | null;
  effective_to: string | null;
  partial: boolean;
}

/**
 * The table releases (not prose documents) in force on the date that a card reads for a code:
 * code tables, NCCI, RVU, add-on and coverage lists, newest first within each kind.
 */
export async function searchedReleases(
  ctx: LibraryContext,
  dos: string,
  kinds: readonly string[],
): Promise<SearchedReleaseRow[]> {
  const { rows } = await sql<SearchedReleaseRow>`
    select d.dataset_key, d.kind, d.title, d.release, d.setting, d.effective_from, d.effective_to,
      d.partial
    from documents d
    where d.org_id = any(library_orgs(${ctx.orgId}))
      and d.id <> all((select shadowed_documents(${ctx.orgId}))::int[])
      and d.kind = any(${[...kinds]}::text[])
      and ${documentInForce('d', dos)}
    order by d.kind, d.effective_from desc nulls last, d.id desc`.execute(ctx.db);
  return rows;
}

export interface NearbyCodeRow {
  system: string;
  code: string;
  description: string;
}

/** Codes of the system the library describes on the date that start with `prefix`. */
export async function codesWithPrefix(
  ctx: LibraryContext,
  system: string,
  prefix: string,
  dos: string,
  limit: number,
): Promise<NearbyCodeRow[]> {
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<NearbyCodeRow>`
    select distinct on (c.code) c.system, c.code,
      coalesce(c.short_description, c.long_description) as description
    from code_descriptors c join documents d on d.id = c.document_id
    where c.org_id = any(library_orgs(${ctx.orgId}))
      and c.document_id <> all((select shadowed_documents(${ctx.orgId}))::int[])
      and c.system = ${system} and c.code like ${like}
      and ${documentInForce('d', dos)}
    order by c.code, d.effective_from desc nulls last
    limit ${limit}`.execute(ctx.db);
  return rows;
}
