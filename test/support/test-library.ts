import type { OpenDatabase } from '../../src/db/database.ts';
import { openTestDatabase, type TestDatabaseKind } from '../../src/db/test-databases.ts';
import type { LibraryContext } from '../../src/library/library-context.ts';
import { loadStarterLibraryIfEmpty } from '../../src/library/starter-library.ts';
import { testContext } from './test-context.ts';

export interface TestLibrary {
  opened: OpenDatabase;
  ctx: LibraryContext;
}

/**
 * A fresh library on one of the test tiers (PGlite in memory, or a new database on the
 * PostgreSQL server), optionally with the starter library loaded as on first start.
 */
export async function openTestLibrary(
  kind: TestDatabaseKind = 'pglite',
  seed: { starter?: boolean } = {},
): Promise<TestLibrary> {
  const opened = await openTestDatabase(kind);
  const ctx = testContext(opened);
  if (seed.starter) await loadStarterLibraryIfEmpty(ctx);
  return { opened, ctx };
}
