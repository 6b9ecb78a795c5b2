import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from './database.ts';
import { migrations } from './migrations/index.ts';
import { ensurePGliteTemplate, hasPGliteTemplate, pgliteTemplateDir } from './pglite-template.ts';

describe('the install-time template of a new embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is named by the PGlite version and the migrations, and a new store is a migrated copy', async () => {
    expect(pgliteTemplateDir).toMatch(
      /node_modules\/\.cache\/codecard\/pgdata-\d+\.\d+\.\d+-[0-9a-f]{12}$/,
    );
    // What `npm ci` does (scripts/pglite-template.ts); a no-op when it is there already.
    await ensurePGliteTemplate(async (dataDir) =>
      (await openDatabase({ kind: 'pglite', dataDir })).close(),
    );
    expect(hasPGliteTemplate()).toBe(true);
    const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'store') });
    try {
      const { rows } = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(opened.db);
      expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
      const orgs = await opened.db.selectFrom('orgs').select('id').execute();
      expect(orgs.map((o) => o.id)).toContain('default');
    } finally {
      await opened.close();
    }
  });
});
