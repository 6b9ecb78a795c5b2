import { sql } from 'kysely';
import type { PassageRow } from '../library/citations.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { passageRowColumns } from '../library/store/passage-columns.repository.ts';

/** The org's passages whose text matches `cue` (a case-insensitive regex), in document order. */
export async function findPassagesMatching(
  ctx: LibraryContext,
  cue: string,
): Promise<PassageRow[]> {
  const { rows } = await sql<PassageRow>`
    select ${passageRowColumns}
    from passages p join documents d on d.id = p.document_id
    where p.org_id = any(library_orgs(${ctx.orgId}))
      and p.document_id <> all((select shadowed_documents(${ctx.orgId}))::int[]) and p.text ~* ${cue}
    order by d.id, p.ordinal`.execute(ctx.db);
  return rows;
}
