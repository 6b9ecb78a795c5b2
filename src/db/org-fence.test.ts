import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from './database.ts';
import { openTestDatabase } from './test-databases.ts';

/**
 * The second fence (PostgreSQL tier only): raw SQL through one organization's connection,
 * with no org filter at all, neither sees nor touches another organization's rows.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('row-level security per organization', () => {
  let opened: OpenDatabase;

  beforeAll(async () => {
    opened = await openTestDatabase('postgres');
    await sql`insert into orgs (id, name) values ('other', 'Other')`.execute(opened.db);
    await sql`
      insert into threads (id, org_id, lang, context) values
        ('00000000-0000-4000-8000-0000000000a1', 'default', 'en', '{}'),
        ('00000000-0000-4000-8000-0000000000b1', 'other', 'en', '{}')`.execute(opened.db);
  });
  afterAll(async () => opened.close());

  test('a fenced connection reads only its own organization, even without a filter', async () => {
    const other = opened.fence!('other');
    const all = await sql<{ org_id: string }>`select org_id from threads`.execute(other);
    expect(all.rows.map((r) => r.org_id)).toEqual(['other']);
    const across = await sql`select * from threads where org_id = 'default'`.execute(other);
    expect(across.rows).toEqual([]);
  });

  test('it cannot write into, change or delete another organization’s rows', async () => {
    const other = opened.fence!('other');
    await expect(
      sql`insert into threads (id, org_id, lang, context)
          values ('00000000-0000-4000-8000-0000000000a2', 'default', 'en', '{}')`.execute(other),
    ).rejects.toThrow(/row-level security/);
    const updated = await sql`update threads set lang = 'fr' where org_id = 'default'`.execute(
      other,
    );
    expect(Number(updated.numAffectedRows)).toBe(0);
    const deleted = await sql`delete from threads`.execute(other);
    expect(Number(deleted.numAffectedRows)).toBe(1);
    const left = await sql<{ org_id: string }>`select org_id from threads`.execute(opened.db);
    expect(left.rows.map((r) => r.org_id)).toEqual(['default']);
  });

  test('a connection back in the pool is itself again (not fenced, not the fenced role)', async () => {
    await sql`
      insert into threads (id, org_id, lang, context)
      values ('00000000-0000-4000-8000-0000000000b2', 'other', 'en', '{}')`.execute(opened.db);
    const other = opened.fence!('other');
    // More fenced queries at once than the pool has connections: every connection is used.
    await Promise.all(Array.from({ length: 8 }, () => sql`select pg_sleep(0.01)`.execute(other)));
    const seen = await Promise.all(
      Array.from({ length: 8 }, () =>
        sql<{ role: string; org: string | null; n: number }>`
          select current_user as role, current_setting('codecard.org_id', true) as org,
            (select count(*)::int from threads) as n, pg_sleep(0.01)`.execute(opened.db),
      ),
    );
    for (const { rows } of seen) {
      expect(rows[0]?.role).not.toBe('codecard_org');
      expect(rows[0]?.org ?? '').toBe('');
      expect(rows[0]?.n).toBe(2);
    }
  });

  test('connections keep their fence between queries yet every query runs as its caller', async () => {
    const other = opened.fence!('other');
    const mine = opened.fence!('default');
    // Three callers interleaved over more queries than the pool has connections, so each
    // connection serves organizations and the server's own role in turn.
    const callers = [
      { db: other, org: 'other', role: 'codecard_org' },
      { db: mine, org: 'default', role: 'codecard_org' },
      { db: opened.db, org: '', role: null },
    ];
    const runs = Array.from({ length: 36 }, (_, at) => callers[at % 3]!);
    const seen = await Promise.all(
      runs.map(({ db }) =>
        sql<{ role: string; org: string | null }>`
          select current_user as role, current_setting('codecard.org_id', true) as org,
            pg_sleep(0.002)`.execute(db),
      ),
    );
    seen.forEach(({ rows }, at) => {
      const caller = runs[at]!;
      expect(rows[0]?.org ?? '').toBe(caller.org);
      if (caller.role) expect(rows[0]?.role).toBe(caller.role);
      else expect(rows[0]?.role).not.toBe('codecard_org');
    });
  });

  test('reference data is readable by every organization and writable by none of them', async () => {
    await sql`
      insert into documents (org_id, dataset_key, kind, title, file_name, file_hash, file_size)
      values ('reference', 'ncci-ptp:practitioner', 'ncci-ptp', 'PTP', 'ptp.txt', 'h1', 1)`.execute(
      opened.db,
    );
    const other = opened.fence!('other');
    const seen = await sql<{ title: string }>`
      select title from documents where org_id = 'reference'`.execute(other);
    expect(seen.rows).toEqual([{ title: 'PTP' }]);
    const changed = await sql`update documents set title = 'planted'`.execute(other);
    expect(Number(changed.numAffectedRows)).toBe(0);
    const removed = await sql`delete from documents`.execute(other);
    expect(Number(removed.numAffectedRows)).toBe(0);
    await expect(
      sql`
        insert into documents (org_id, dataset_key, kind, title, file_name, file_hash, file_size)
        values ('reference', 'x', 'text', 'planted', 'p.txt', 'h2', 1)`.execute(other),
    ).rejects.toThrow(/row-level security/);
  });

  test('every table with an org_id column is fenced, and the fenced role may use it', async () => {
    const { rows } = await sql<{
      table: string;
      fenced: boolean;
      policy: boolean;
      granted: boolean;
    }>`
      select c.relname as table, c.relrowsecurity as fenced,
        exists (select 1 from pg_policies p
                where p.tablename = c.relname and p.policyname = 'org_fence') as policy,
        (select bool_and(has_table_privilege('codecard_org', c.oid, p))
         from unnest(array['select', 'insert', 'update', 'delete']) p) as granted
      from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
      order by c.relname`.execute(opened.db);
    expect(rows.map((r) => r.table)).toEqual(
      expect.arrayContaining(['check_job_claims', 'check_jobs', 'check_results', 'threads']),
    );
    for (const row of rows)
      expect(row, row.table).toMatchObject({ fenced: true, policy: true, granted: true });
  });

  test('without an organization named, the fenced role sees nothing', async () => {
    const rows = await opened.db.connection().execute(async (conn) => {
      await sql`set role codecard_org`.execute(conn);
      try {
        return (await sql`select * from threads`.execute(conn)).rows;
      } finally {
        await sql`reset role`.execute(conn);
      }
    });
    expect(rows).toEqual([]);
  });
});
