import { sql, type Kysely } from 'kysely';
import { FENCED_ROLE } from './20261205020000-fence-organizations.ts';

/**
 * One counter for the whole instance that every committed change to the documents or to the
 * reference opt-outs moves on (what an organization's library version is computed from), so a
 * request can tell in one primary-key read that no library changed since it last computed a
 * version (src/rules/library-versions.ts), instead of aggregating and hashing every document.
 *
 * The triggers are deferred to commit: the counter's row is locked only while a changing
 * transaction commits, so a long import does not hold up another organization's, and the new
 * value becomes visible exactly when the change does. The function runs as its owner, so a
 * fenced session that removes a document moves it too, while the fenced role itself may only
 * read it (a number, nothing about any organization).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table library_changes (
      id smallint primary key check (id = 1),
      count bigint not null
    )`.execute(db);
  await sql`insert into library_changes (id, count) values (1, 0)`.execute(db);
  await sql`revoke all on library_changes from ${sql.raw(FENCED_ROLE)}`.execute(db);
  await sql`grant select on library_changes to ${sql.raw(FENCED_ROLE)}`.execute(db);
  await sql`
    create function count_library_change() returns trigger
    language plpgsql security definer set search_path = public as $$
    begin
      update library_changes set count = count + 1 where id = 1;
      return null;
    end $$`.execute(db);
  for (const table of ['documents', 'reference_opt_outs']) {
    await sql`
      create constraint trigger ${sql.raw(`${table}_count_change`)}
      after insert or update or delete on ${sql.raw(table)}
      deferrable initially deferred
      for each row execute function count_library_change()`.execute(db);
    // TRUNCATE fires no row triggers; it locks the table whole, so counting at once is safe.
    await sql`
      create trigger ${sql.raw(`${table}_count_truncate`)}
      after truncate on ${sql.raw(table)}
      for each statement execute function count_library_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['documents', 'reference_opt_outs']) {
    await sql`drop trigger ${sql.raw(`${table}_count_change`)} on ${sql.raw(table)}`.execute(db);
    await sql`drop trigger ${sql.raw(`${table}_count_truncate`)} on ${sql.raw(table)}`.execute(db);
  }
  await sql`drop function count_library_change()`.execute(db);
  await sql`drop table library_changes`.execute(db);
}
