import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase } from '../db/test-databases.ts';
import { DEFAULT_ORG, type LibraryContext } from './library-context.ts';
import { loadStarterLibraryIfEmpty } from './starter-library.ts';

describe('the starter library', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    opened = await openTestDatabase('pglite');
    ctx = { db: opened.db, engine: opened.engine, orgId: DEFAULT_ORG };
  });
  afterAll(async () => opened.close());

  test('loads into an empty library once, tables before documents', async () => {
    const loaded = await loadStarterLibraryIfEmpty(ctx);
    expect(loaded.map((r) => r.document.kind)).toEqual(['code-table', 'markdown']);
    expect(await loadStarterLibraryIfEmpty(ctx)).toEqual([]);
    // "62321-62327" in the guide expands to the sample codes the table defines in that range.
    const { rows } = await sql<{ code: string }>`
      select distinct code from code_mentions where via = 'range' order by code`.execute(ctx.db);
    expect(rows.map((r) => r.code)).toEqual(['62321', '62323']);
  });
});
