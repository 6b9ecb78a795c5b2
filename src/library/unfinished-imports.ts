import type { LibraryContext } from './library-context.ts';
import { discardVersion } from './store/document-version.ts';
import { findUnfinishedImports } from './store/document.repository.ts';
import { documentRowTables } from './store/fact-tables.ts';
import { refreshTables } from './store/table-maintenance.repository.ts';

/**
 * Deletes the versions a killed process left half-imported (still marked `importing`), with
 * their rows: no read ever saw them, and now they are gone from the store too. Run when the
 * embedded store is opened, before anything else uses it (one process per directory, so no
 * import can be running). Only the embedded store stages imports: on a server an import is one
 * transaction, and another process's import must not be touched.
 */
export async function discardUnfinishedImports(
  ctx: Pick<LibraryContext, 'db' | 'engine'>,
): Promise<number> {
  if (ctx.engine !== 'pglite') return 0;
  const unfinished = await findUnfinishedImports(ctx.db);
  for (const version of unfinished) await discardVersion(ctx.db, version.org_id, version.id);
  if (unfinished.length > 0) await refreshTables(ctx.db, documentRowTables);
  return unfinished.length;
}
