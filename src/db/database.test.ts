import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from './database.ts';
import { openTestDatabase, testDatabaseKinds } from './test-databases.ts';

describe.each(testDatabaseKinds())('the schema on %s', (kind) => {
  test('every table carries org_id, dates come back as ISO strings, migrations are recorded', async () => {
    const opened = await openTestDatabase(kind);
    try {
      const { rows: tables } = await sql<{ table_name: string; has_org: boolean }>`
        select t.table_name, exists (
          select 1 from information_schema.columns c
          where c.table_schema = t.table_schema and c.table_name = t.table_name
            and c.column_name = ${'org_id'}
        ) as has_org
        from information_schema.tables t
        where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and t.table_name not like 'kysely_%'
          -- Organizations and user accounts belong to the instance (memberships tie them), and
          -- so do the durable queue's run heartbeats (a job's owner is in its input) and the
          -- key that seals EHR case tokens and the CDS Hooks replay guard (the fenced role has
          -- no access to either), the release sync schedule and the count of library changes
          -- (one row each for the instance).
          and t.table_name not in ('orgs', 'users', 'job_runs', 'ehr_seal_keys', 'cds_seen_jtis',
            'release_sync_schedule', 'library_changes')`.execute(opened.db);
      expect(tables.length).toBeGreaterThanOrEqual(10);
      expect(tables.filter((t) => !t.has_org).map((t) => t.table_name)).toEqual([]);
      const { rows } = await sql<{
        d: unknown;
        n: unknown;
      }>`select '2026-10-01'::date as d, count(*) as n from orgs`.execute(opened.db);
      // The default organization and the instance-wide reference data.
      expect(rows[0]).toEqual({ d: '2026-10-01', n: 2 });
    } finally {
      await opened.close();
    }
  });
});

describe('the embedded store directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is locked while open, reopens with its data, and migrations run once', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await sql`insert into orgs (id, name) values ('other', 'Another org')`.execute(first.db);
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(
      /in use by another Codecard process/,
    );
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    const { rows } = await sql<{ id: string }>`select id from orgs order by id`.execute(again.db);
    expect(rows.map((r) => r.id)).toEqual(['default', 'other', 'reference']);
    await again.close();
  });
});
