import { sql, type Kysely } from 'kysely';
import { REFERENCE_ORG } from '../../domain/reference-org.ts';

/**
 * Staged imports (the embedded store): a large table is written in many short transactions so
 * the one PGlite connection is free between them, and its document version is marked
 * `importing` until the last one commits. Every library read already sets aside the ids
 * `shadowed_documents(org)` returns, so the function now returns importing versions too, and an
 * importing release of an organization does not yet set the reference release aside: readers
 * see the library exactly as it was until the import commits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table documents add column importing boolean not null default false`.execute(db);
  // Almost always empty: the set every read asks for stays one index probe.
  await sql`create index documents_importing on documents (id) where importing`.execute(db);
  await sql`
    create or replace function shadowed_documents(org text) returns int[]
    language plpgsql stable parallel safe
    as $$
    begin
      return (select coalesce(array_agg(i.id), '{}') from documents i where i.importing)
        || case when org = ${sql.lit(REFERENCE_ORG)} then '{}'::int[] else (
          select coalesce(array_agg(r.id), '{}') from documents r
          where r.org_id = ${sql.lit(REFERENCE_ORG)} and not r.importing
            and (exists (select 1 from documents o
                         where o.org_id = org and o.dataset_key = r.dataset_key
                           and not o.importing)
              or exists (select 1 from reference_opt_outs x
                         where x.org_id = org and x.dataset_key = r.dataset_key))) end;
    end $$`.execute(db);
}
