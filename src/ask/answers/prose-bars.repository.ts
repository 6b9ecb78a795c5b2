import { sql } from 'kysely';
import type { PassageRow } from '../../library/citations.ts';
import type { Setting } from '../../domain/setting.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { documentInForce } from '../../library/store/effective.repository.ts';
import { passageRowColumns } from '../../library/store/passage-columns.repository.ts';

/** Up to 50 passages in force on `dos` for the setting that mention both codes. */
export async function findPassagesNamingBoth(
  ctx: LibraryContext,
  dos: string,
  setting: Setting,
  a: string,
  b: string,
): Promise<PassageRow[]> {
  const { rows } = await sql<PassageRow>`
    select ${passageRowColumns}
    from passages p join documents d on d.id = p.document_id
    where p.org_id = any(library_orgs(${ctx.orgId}))
      and p.document_id <> all((select shadowed_documents(${ctx.orgId}))::int[]) and ${documentInForce('d', dos)}
      and (d.setting is null or d.setting = ${setting})
      and exists (select 1 from code_mentions m where m.passage_id = p.id and m.code = ${a})
      and exists (select 1 from code_mentions m where m.passage_id = p.id and m.code = ${b})
    order by d.id, p.ordinal limit 50`.execute(ctx.db);
  return rows;
}
