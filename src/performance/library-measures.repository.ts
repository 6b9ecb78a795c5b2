import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import type { LibraryGap, ReportRange } from './performance-types.ts';
import { addDays } from './report-range.ts';

/**
 * Refused questions in the range (library_gaps), one key per question: the codes it named
 * ("62264, 77003"), or its words when it named none ("whipple procedure"); most asked first.
 * Counts come back as bigint text.
 */
export async function gapsByKey(
  ctx: LibraryContext,
  range: ReportRange,
  limit: number,
): Promise<LibraryGap[]> {
  const { rows } = await sql<LibraryGap>`
    with g as (
      select question, created_at, codes, terms from library_gaps
      where org_id = ${ctx.orgId}
        and created_at >= ${`${range.from}T00:00:00Z`}::timestamptz
        and created_at < ${`${addDays(range.to, 1)}T00:00:00Z`}::timestamptz
    ),
    keyed as (
      select
        case when jsonb_array_length(g.codes) > 0
          then (select string_agg(distinct k.value, ', ') from jsonb_array_elements_text(g.codes) as k)
          else (select string_agg(k.value, ' ' order by k.ordinality)
                from jsonb_array_elements_text(g.terms) with ordinality as k)
        end as key,
        case when jsonb_array_length(g.codes) > 0 then 'code' else 'term' end as kind,
        g.question, g.created_at
      from g
    )
    select coalesce(key, '') as key, kind, count(*) as count,
      to_char(max(created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastSeen",
      (array_agg(question order by created_at desc))[1] as example
    from keyed
    group by coalesce(key, ''), kind
    order by count desc, max(created_at) desc, coalesce(key, '')
    limit ${limit}`.execute(ctx.db);
  return rows;
}

export interface NewestVersion {
  id: number;
  title: string;
  kind: string;
  release: string | null;
  effective_from: string | null;
  effective_to: string | null;
}

/** Each dataset's newest version (latest effective date, then latest import). */
export async function newestDatasetVersions(ctx: LibraryContext): Promise<NewestVersion[]> {
  const { rows } = await sql<NewestVersion>`
    select distinct on (dataset_key) id, title, kind, release, effective_from, effective_to
    from documents where org_id = any(library_orgs(${ctx.orgId}))
      and id <> all((select shadowed_documents(${ctx.orgId}))::int[])
    order by dataset_key, effective_from desc nulls last, id desc`.execute(ctx.db);
  return rows;
}
