import { sql } from 'kysely';
import { lookupCode } from '../src/codes/code-lookup.ts';
import { searchCodes } from '../src/codes/code-search.ts';
import { openDatabase } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { type LibraryContext } from '../src/library/library-context.ts';
import { listLibrary, type DocumentSummary } from '../src/library/library.service.ts';
import { documentRowTables } from '../src/library/store/fact-tables.ts';
import { discardUnfinishedImports } from '../src/library/unfinished-imports.ts';
import { testContext } from './support/test-context.ts';

/** Every table of the store: a killed import must leave each one exactly as it was. */
export const storeTables = [
  'orgs',
  'documents',
  ...documentRowTables,
] as const satisfies readonly (keyof Database)[];

export interface StoreState {
  documents: DocumentSummary[];
  counts: Record<string, number>;
  /** md5 over every row of each table (only for small stores). */
  digests: Record<string, string> | null;
  /** Every index of the store, as it was: an import never leaves one missing. */
  indexes: string[];
  facts: { lookup: unknown; search: unknown };
}

const DOS = '2026-01-15';

/**
 * Opens the data directory in this process as the CLI and the server do (taking over a lock left
 * by a dead process, deleting a staged import it left unfinished), reads the whole observable
 * state, and closes it again so the next CLI child can lock it.
 */
export async function readStoreState(
  dataDir: string,
  options: { digests: boolean; lookupCode: string; searchText: string },
): Promise<StoreState> {
  const opened = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await discardUnfinishedImports(opened);
    const ctx: LibraryContext = testContext(opened);
    const counts: Record<string, number> = {};
    const digests: Record<string, string> = {};
    for (const table of storeTables) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(table)}`.execute(opened.db);
      counts[table] = rows[0]?.n ?? -1;
      if (options.digests) {
        const digest = await sql<{ md5: string }>`
          select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5
          from ${sql.table(table)} t`.execute(opened.db);
        digests[table] = digest.rows[0]?.md5 ?? '';
      }
    }
    const { rows: indexRows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where schemaname = current_schema()
      order by indexdef`.execute(opened.db);
    const lookup = await lookupCode(ctx, options.lookupCode, { dos: DOS }).catch(
      (error: unknown) => ({ error: String(error) }),
    );
    const search = await searchCodes(ctx, options.searchText, { dos: DOS });
    return {
      documents: await listLibrary(ctx),
      counts,
      digests: options.digests ? digests : null,
      indexes: indexRows.map((r) => r.indexdef),
      facts: { lookup, search },
    };
  } finally {
    await opened.close();
  }
}
