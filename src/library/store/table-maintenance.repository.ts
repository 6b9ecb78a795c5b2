import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Keeps the planner informed after a load. PGlite runs no autovacuum, so without this a freshly
 * imported table has no statistics (the planner then scans 147k descriptors instead of using the
 * trigram index: 1.8 s instead of 18 ms) and GIN indexes keep new entries in their unsorted
 * pending lists. Both are cleared for the tables an import or removal touched.
 */
export async function refreshTables(
  db: Kysely<Database> | Transaction<Database>,
  tables: readonly (keyof Database)[],
): Promise<void> {
  for (const table of new Set(tables)) {
    await sql`
      select gin_clean_pending_list(i.indexrelid)
      from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_am am on am.oid = c.relam
      where i.indrelid = ${table}::regclass and am.amname = 'gin'
        -- An organization's fenced role does not own the indexes (only their owner may clean
        -- them; on a server autovacuum does it); ANALYZE merely skips with a warning there.
        and pg_has_role(c.relowner, 'USAGE')`.execute(db);
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
}
