import { sql, type RawBuilder } from 'kysely';
import type { EventType } from '../domain/app-event.ts';
import type { LibraryContext } from '../library/library-context.ts';
import type { Granularity, ReportRange } from './performance-types.ts';
import { addDays } from './report-range.ts';

/** The check events' count maps the dashboard sums. */
export type CheckCountField = 'findingsByRule' | 'pairs' | 'codes';

/** Rows of one event type for the org whose time falls on a day of the range (UTC). */
function eventsIn(ctx: LibraryContext, type: EventType, range: ReportRange): RawBuilder<unknown> {
  return sql`org_id = ${ctx.orgId} and type = ${type}
    and at >= ${`${range.from}T00:00:00Z`}::timestamptz
    and at < ${`${addDays(range.to, 1)}T00:00:00Z`}::timestamptz`;
}

/** The period an event's time falls in, labelled like periodStarts. */
function periodOf(column: string, granularity: Granularity): RawBuilder<string> {
  return sql<string>`to_char(date_trunc(${granularity}, ${sql.ref(column)} at time zone 'UTC'), 'YYYY-MM-DD')`;
}

/** Questions asked and answered per period that had any (counts come back as bigint text). */
export async function questionsByPeriod(ctx: LibraryContext, range: ReportRange) {
  const { rows } = await sql<{ period: string; questions: number; answered: number }>`
    with q as (
      select ${periodOf('at', range.granularity)} as period, data from events
      where ${eventsIn(ctx, 'question', range)}
    )
    select period, count(*) as questions,
      count(*) filter (where (data ->> 'answered')::boolean) as answered
    from q group by period`.execute(ctx.db);
  return rows;
}

/** The median and 95th percentile answer time in the range; one row, nulls without questions. */
export async function answerLatency(ctx: LibraryContext, range: ReportRange) {
  const { rows } = await sql<{ p50: number | null; p95: number | null }>`
    select
      percentile_cont(0.5) within group (order by (data ->> 'latencyMs')::float8) as p50,
      percentile_cont(0.95) within group (order by (data ->> 'latencyMs')::float8) as p95
    from events where ${eventsIn(ctx, 'question', range)}`.execute(ctx.db);
  return rows;
}

/** Up and down votes on answers in the range; one row. */
export async function feedbackVotes(ctx: LibraryContext, range: ReportRange) {
  const { rows } = await sql<{ up: number; down: number }>`
    select count(*) filter (where data ->> 'vote' = 'up') as up,
      count(*) filter (where data ->> 'vote' = 'down') as down
    from events where ${eventsIn(ctx, 'feedback', range)}`.execute(ctx.db);
  return rows;
}

/** Claims, lines and claims with errors per period that had any check. */
export async function checksByPeriod(ctx: LibraryContext, range: ReportRange) {
  const { rows } = await sql<{
    period: string;
    claims: number;
    lines: number;
    claimsWithErrors: number;
  }>`
    with c as (
      select ${periodOf('at', range.granularity)} as period, data from events
      where ${eventsIn(ctx, 'check', range)}
    )
    select period,
      sum((data ->> 'claims')::bigint) as claims,
      sum((data ->> 'lines')::bigint) as lines,
      sum((data ->> 'claimsWithErrors')::bigint) as "claimsWithErrors"
    from c group by period`.execute(ctx.db);
  return rows;
}

/** One of the check events' count maps summed over the range, most frequent first. */
export async function checkCounts(
  ctx: LibraryContext,
  range: ReportRange,
  field: CheckCountField,
  limit: number | null,
) {
  const { rows } = await sql<{ key: string; count: number }>`
    select entry.key, sum(entry.value::bigint) as count
    from events, jsonb_each_text(events.data -> ${field}) as entry
    where ${eventsIn(ctx, 'check', range)}
    group by entry.key
    order by count desc, entry.key
    ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(ctx.db);
  return rows;
}

/**
 * Codes asked about in the range that lack a descriptor, an edit or a passage, most asked
 * first. Each check is an indexed lookup by (org_id, code).
 */
export async function askedCodesNotCovered(ctx: LibraryContext, range: ReportRange, limit: number) {
  const org = ctx.orgId;
  const { rows } = await sql<{
    code: string;
    asked: number;
    descriptor: boolean;
    edits: boolean;
    guidance: boolean;
  }>`
    with asked as (
      select c.code, count(*) as asked
      from events, jsonb_array_elements_text(events.data -> 'codes') as c (code)
      where ${eventsIn(ctx, 'question', range)}
      group by c.code
    ),
    unseen as (select shadowed_documents(${org}) as ids),
    known as (
      select code, asked,
        exists (select 1 from code_descriptors d where d.org_id = ${org} and d.code = a.code
                  and d.document_id <> all(u.ids))
          as descriptor,
        exists (select 1 from ptp_edits p where p.org_id = ${org} and p.column1 = a.code
                  and p.document_id <> all(u.ids))
          or exists (select 1 from ptp_edits p where p.org_id = ${org} and p.column2 = a.code
                       and p.document_id <> all(u.ids))
          or exists (select 1 from mue_edits m where m.org_id = ${org} and m.code = a.code
                       and m.document_id <> all(u.ids))
          as edits,
        exists (select 1 from code_mentions m where m.org_id = ${org} and m.code = a.code
                  and m.document_id <> all(u.ids))
          as guidance
      from asked a, unseen u
    )
    select * from known where not (descriptor and edits and guidance)
    order by asked desc, code
    limit ${limit}`.execute(ctx.db);
  return rows;
}
