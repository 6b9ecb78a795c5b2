import { sql } from 'kysely';
import type { PassageRow } from '../library/citations.ts';
import type { LibraryContext } from '../library/library-context.ts';

/** The org's passages whose text matches `cue` (a case-insensitive regex), in document order. */
export async function findPassagesMatching(
  ctx: LibraryContext,
  cue: string,
): Promise<PassageRow[]> {
  const { rows } = await sql<PassageRow>`
    select p.id as passage_id, p.text, p.page, p.heading_path, p.start_offset, p.language,
      d.id as document_id, d.title, d.release
    from passages p join documents d on d.id = p.document_id
    where p.org_id = ${ctx.orgId} and p.text ~* ${cue}
    order by d.id, p.ordinal`.execute(ctx.db);
  return rows;
}
