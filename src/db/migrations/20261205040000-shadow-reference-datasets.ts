import { sql, type Kysely } from 'kysely';
import { REFERENCE_ORG } from '../../domain/reference-org.ts';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/**
 * Each organization chooses which reference releases it uses. A reference document is set
 * aside for an organization when the organization holds its own version of that dataset (its
 * own release wins: two releases of one dataset in force at once would contradict each other),
 * or when its admin turned that dataset off (`reference_opt_outs`). Reads add
 * `document_id <> all((select shadowed_documents(org))::int[])`: a scalar subquery (the cast
 * keeps ALL on the array, not on the subquery's rows), so the set is computed once per query;
 * it is empty for most organizations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reference_opt_outs (
      org_id text not null references orgs(id),
      dataset_key text not null,
      created_at timestamptz not null default now(),
      primary key (org_id, dataset_key)
    )`.execute(db);
  await sql`alter table reference_opt_outs enable row level security`.execute(db);
  await sql`
    create policy org_fence on reference_opt_outs to ${sql.raw(FENCED_ROLE)}
    using (org_id = current_setting('codecard.org_id', true))
    with check (org_id = current_setting('codecard.org_id', true))`.execute(db);
  await sql`grant select, insert, update, delete on reference_opt_outs to ${sql.raw(FENCED_ROLE)}`.execute(
    db,
  );
  // PL/pgSQL, not SQL: its query plan is cached per connection, where a SQL function's body
  // (not inlinable: it has a FROM) would be planned again at every call.
  await sql`
    create function shadowed_documents(org text) returns int[]
    language plpgsql stable parallel safe
    as $$
    begin
      if org = ${sql.lit(REFERENCE_ORG)} then
        return '{}';
      end if;
      return (
        select coalesce(array_agg(r.id), '{}') from documents r
        where r.org_id = ${sql.lit(REFERENCE_ORG)}
          and (exists (select 1 from documents o
                       where o.org_id = org and o.dataset_key = r.dataset_key)
            or exists (select 1 from reference_opt_outs x
                       where x.org_id = org and x.dataset_key = r.dataset_key)));
    end $$`.execute(db);
}
