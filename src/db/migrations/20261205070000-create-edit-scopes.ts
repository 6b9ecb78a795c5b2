import { sql, type Kysely } from 'kysely';
import { REFERENCE_ORG } from '../../domain/reference-org.ts';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/**
 * What each NCCI release covers, recorded when it is imported: the earliest start date its PTP
 * rows state, its first and last code (PTP column 1, MUE code, in byte order as JavaScript
 * compares them) and, for a partial release, the codes it lists. A card's "what the edits
 * cannot tell" needs only this, so it no longer reads all of a 2M-row release (on the embedded
 * store the first card after an import waited ~12 s for that). A PTP release also records the
 * column 1 codes that cut its rows into slices of about 40,000, so the edit index can read it
 * in short queries without first scanning it to find them. Releases already in the library are
 * summarised here once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table edit_scopes (
      document_id integer primary key references documents(id) on delete cascade,
      org_id text not null,
      earliest_row_start date,
      first_code text,
      last_code text,
      codes text[],
      slice_bounds text[]
    )`.execute(db);
  await sql`alter table edit_scopes enable row level security`.execute(db);
  await sql`
    create policy org_fence on edit_scopes to ${sql.raw(FENCED_ROLE)}
    using (org_id = current_setting('codecard.org_id', true))
    with check (org_id = current_setting('codecard.org_id', true))`.execute(db);
  await sql`
    create policy reference_read on edit_scopes for select to ${sql.raw(FENCED_ROLE)}
    using (org_id = ${sql.lit(REFERENCE_ORG)})`.execute(db);
  await sql`grant select, insert, update, delete on edit_scopes to ${sql.raw(FENCED_ROLE)}`.execute(
    db,
  );
  await sql`
    insert into edit_scopes (document_id, org_id, earliest_row_start, first_code, last_code, codes,
      slice_bounds)
    select d.id, d.org_id,
      (select min(p.effective_from) from ptp_edits p where p.document_id = d.id),
      (select min(p.column1 collate "C") from ptp_edits p where p.document_id = d.id),
      (select max(p.column1 collate "C") from ptp_edits p where p.document_id = d.id),
      case when d.partial then array(
        select distinct p.column1 from ptp_edits p where p.document_id = d.id) end,
      array(
        select column1 from (
          select column1, before / 40000 as slice,
            lag(before / 40000) over (order by column1 collate "C") as previous
          from (
            select column1,
              (sum(count(*)) over (order by column1 collate "C") - count(*))::bigint as before
            from ptp_edits p where p.document_id = d.id group by column1) counted) sliced
        where slice <> previous order by column1 collate "C")
    from documents d where d.kind = 'ncci-ptp'`.execute(db);
  await sql`
    insert into edit_scopes (document_id, org_id, earliest_row_start, first_code, last_code, codes)
    select d.id, d.org_id, null,
      (select min(m.code collate "C") from mue_edits m where m.document_id = d.id),
      (select max(m.code collate "C") from mue_edits m where m.document_id = d.id),
      case when d.partial then array(
        select distinct m.code from mue_edits m where m.document_id = d.id) end
    from documents d where d.kind = 'ncci-mue'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists edit_scopes`.execute(db);
}
