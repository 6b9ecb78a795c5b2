import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Claim } from '../claims/claim-types.ts';
import type { Database } from '../db/schema.ts';

/** A PTP edit the oracle found in force between lines `a` < `b` (1-based), with its release. */
export interface OraclePtpRow {
  a: number;
  b: number;
  column1: string;
  column2: string;
  indicator: number;
  document_id: number;
  title: string;
  release: string | null;
  locator: string;
}

/** Units over an MUE, with the lines that hold them and the release that sets it. */
export interface OracleMueRow {
  lines: number[];
  code: string;
  units: number;
  value: number;
  adjudication: number | null;
  document_id: number;
  title: string;
  release: string | null;
  locator: string;
}

/** The claim's lines as a VALUES list: (idx from 1, code, modifiers, units, dos, provider). */
function claimLines(claim: Claim): RawBuilder<unknown> {
  return sql.join(
    claim.lines.map(
      (l, i) =>
        sql`(${i + 1}::int, ${l.code}::text, ${sql`array[${sql.join(l.modifiers.length ? l.modifiers : [''])}]::text[]`}, ${l.units}::int, ${l.dateOfService}::date, ${l.provider}::text)`,
    ),
  );
}

/**
 * Release precedence restated in SQL: per line pair and ordered code pair, the newest release
 * whose row decides the day (covers it, or states dates that exclude it) speaks. Returns the
 * deciding rows that cover the day and are not indicator 9. The claim must have lines.
 */
export async function oraclePtpEdits(
  db: Kysely<Database>,
  orgId: string,
  claim: Claim,
): Promise<OraclePtpRow[]> {
  const lines = claimLines(claim);
  const { rows } = await sql<OraclePtpRow>`
    with lines(idx, code, mods, units, dos, provider) as (values ${lines}),
    releases as (
      select id, title, release, setting, effective_from, effective_to,
        row_number() over (order by effective_from nulls first, imported_at, id) as rank
      from documents where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[]) and kind in ('ncci-ptp', 'ncci-mue')
    ),
    candidates as (
      select a.idx as a, b.idx as b, a.dos, e.column1, e.column2, e.modifier_indicator, e.locator,
        r.id as document_id, r.title, r.release, r.rank,
        coalesce(e.effective_from, r.effective_from) as row_from,
        coalesce(e.deletion_date, r.effective_to) as row_to,
        e.effective_from is not null as start_stated, e.deletion_date is not null as end_stated
      from lines a
        join lines b on a.idx < b.idx and a.dos = b.dos and a.code <> b.code
          and (a.provider is null or b.provider is null or a.provider = b.provider)
        join ptp_edits e on e.org_id = any(library_orgs(${orgId}))
      and e.document_id <> all((select shadowed_documents(${orgId}))::int[])
          and ((e.column1 = a.code and e.column2 = b.code) or (e.column1 = b.code and e.column2 = a.code))
        join releases r on r.id = e.document_id and r.setting = ${claim.setting}
    ),
    decisive as (
      select *, (row_from is null or row_from <= dos) and (row_to is null or row_to >= dos) as covers
      from candidates
      where ((row_from is null or row_from <= dos) and (row_to is null or row_to >= dos))
        or (end_stated and row_to < dos) or (start_stated and row_from > dos)
    ),
    deciders as (
      select distinct on (a, b, column1, column2) * from decisive
      order by a, b, column1, column2, rank desc
    )
    select a, b, column1, column2, modifier_indicator as indicator, document_id, title, release, locator
    from deciders where covers and modifier_indicator <> 9`.execute(db);
  return rows;
}

/**
 * Lines over the MUE of their setting's release in force on their date: each line alone for
 * adjudication 1, a code's lines on one date together otherwise. The claim must have lines.
 */
export async function oracleMueExcess(
  db: Kysely<Database>,
  orgId: string,
  claim: Claim,
): Promise<OracleMueRow[]> {
  const lines = claimLines(claim);
  const { rows } = await sql<OracleMueRow>`
    with lines(idx, code, mods, units, dos, provider) as (values ${lines}),
    hits as (
      select l.idx, l.code, l.units, l.dos, m.mue_value, m.adjudication, d.id as document_id, d.title, d.release, m.locator
      from lines l
        join mue_edits m on m.org_id = any(library_orgs(${orgId}))
      and m.document_id <> all((select shadowed_documents(${orgId}))::int[]) and m.code = l.code
        join documents d on d.id = m.document_id and d.setting = ${claim.setting}
      where (d.effective_from is null or d.effective_from <= l.dos)
        and (d.effective_to is null or d.effective_to >= l.dos)
    )
    select array[idx] as lines, code, units, mue_value as value, adjudication, document_id, title, release, locator
      from hits where adjudication = 1 and units > mue_value
    union all
    select array_agg(idx order by idx), code, sum(units)::int, min(mue_value), min(adjudication), min(document_id), min(title), min(release), min(locator)
      from hits where adjudication is distinct from 1
      group by code, dos having sum(units) > min(mue_value)`.execute(db);
  return rows;
}
