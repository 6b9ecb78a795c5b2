import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { openDatabase } from './database.ts';

/**
 * Closing the store ends its connections (PostgreSQL tier only): the Kysely instances reach the
 * pool through fence wrappers that do not own it, so the store must end the pool itself.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('closing a PostgreSQL store', () => {
  test('leaves no connection open, fenced or not', async () => {
    const name = `codecard-close-${process.pid}-${Date.now()}`;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('application_name', name);
    const opened = await openDatabase({ kind: 'postgres', url: url.toString() });
    await sql`select 1`.execute(opened.db);
    await sql`select 1`.execute(opened.fence!('default'));
    const connections = async () => {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where application_name = $1',
          [name],
        );
        return rows[0]!.n;
      } finally {
        await client.end();
      }
    };
    expect(await connections()).toBeGreaterThan(0);
    await opened.close();
    await expect.poll(connections).toBe(0);
  });
});
