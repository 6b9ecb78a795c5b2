import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import { changeKinds } from '../domain/change-kind.ts';

/**
 * How one dataset is compared. `rows` selects a release's rows with a text key `k`, the codes
 * they are about (`codes`) and a `locator`; `changes` is a select over the joined row `j`
 * (`j.o`, `j.n`: the older and newer row as jsonb, both present) yielding
 * (kind, field, before, after) for each difference.
 */
export interface DiffSpec {
  rows: (documentId: number, codes: readonly string[] | null) => RawBuilder<unknown>;
  changes: RawBuilder<unknown>;
}

export interface DiffSides {
  fromId: number;
  toId: number;
  /** An excerpt speaks only for the keys it holds: no "added" from an older one, no "deleted" from a newer one. */
  fromPartial: boolean;
  toPartial: boolean;
  codes: readonly string[] | null;
}

export interface DiffRow {
  kind: string;
  key: string;
  codes: string[];
  field: string | null;
  before: string | null;
  after: string | null;
  from_locator: string | null;
  to_locator: string | null;
}

const outsideNewer = 'scope:outside-newer';
const outsideOlder = 'scope:outside-older';

/**
 * The whole diff in one statement: both releases' rows joined on their key (a full join, so a
 * full-size release is compared set-wise by the database), then each joined row expanded into
 * its changes, in the order of `changeKinds` per key. The two scope rows count the keys one side's excerpt does not hold.
 */
export async function diffRows(
  db: Db,
  spec: DiffSpec,
  sides: DiffSides,
): Promise<{ rows: DiffRow[]; outsideNewer: number; outsideOlder: number }> {
  const { rows } = await sql<DiffRow>`
    with older as (${spec.rows(sides.fromId, sides.codes)}),
    newer as (${spec.rows(sides.toId, sides.codes)}),
    j as materialized (
      select coalesce(older.k, newer.k) as k, coalesce(newer.codes, older.codes) as codes,
        case when older.k is null then null else to_jsonb(older) end as o,
        case when newer.k is null then null else to_jsonb(newer) end as n
      from older full join newer on older.k = newer.k
    )
    select * from (
    select 'added' as kind, j.k as key, j.codes, null as field, null as before, null as after,
      null as from_locator, j.n->>'locator' as to_locator
    from j where j.o is null and not ${sides.fromPartial}
    union all
    select 'deleted', j.k, j.codes, null, null, null, j.o->>'locator', null
    from j where j.n is null and not ${sides.toPartial}
    union all
    select c.kind, j.k, j.codes, c.field, c.before, c.after, j.o->>'locator', j.n->>'locator'
    from j cross join lateral (${spec.changes}) as c(kind, field, before, after)
    where j.o is not null and j.n is not null
    union all
    select ${outsideNewer}, '', '{}', null, count(*)::text, null, null, null
    from j where j.n is null and ${sides.toPartial}
    union all
    select ${outsideOlder}, '', '{}', null, count(*)::text, null, null, null
    from j where j.o is null and ${sides.fromPartial}
    ) as d
    order by d.key, array_position(${[...changeKinds]}::text[], d.kind), d.field`.execute(db);
  let newerCount = 0;
  let olderCount = 0;
  const changes: DiffRow[] = [];
  for (const row of rows) {
    if (row.kind === outsideNewer) newerCount = Number(row.before);
    else if (row.kind === outsideOlder) olderCount = Number(row.before);
    else changes.push(row);
  }
  return { rows: changes, outsideNewer: newerCount, outsideOlder: olderCount };
}

/** `key = any(codes)` when the diff is narrowed to some codes, else true. */
export function keyIn(column: RawBuilder<unknown>, codes: readonly string[] | null) {
  return codes === null ? sql<boolean>`true` : sql<boolean>`${column} = any(${[...codes]}::text[])`;
}

/**
 * The rows of one release. A diff narrowed to some codes states the organization too, so the
 * (org_id, code) indexes find those codes' rows instead of the whole release being read; a full
 * diff reads the release through its document.
 */
export function releaseRows(documentId: number, codes: readonly string[] | null) {
  if (codes === null) return sql<boolean>`document_id = ${documentId}`;
  return sql<boolean>`document_id = ${documentId}
    and org_id = (select d.org_id from documents d where d.id = ${documentId})`;
}
