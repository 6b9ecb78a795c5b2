import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from './database.ts';
import { dbFault } from './db-fault.ts';
import { openTestDatabase } from './test-databases.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connections killed under the pool (PostgreSQL tier only): the server ends them as a restart
 * does (57P01, admin shutdown). An 'error' event nobody handles would end the test process.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('the pg pool when connections die', () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase('postgres');
  });
  afterAll(async () => opened.close());

  /** Ends every other connection to this database, from a connection of its own. */
  const terminateOthers = async (keep?: number) => {
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and pid <> ${keep ?? 0}`.execute(opened.db);
  };

  test('idle connections that die are dropped and the next query reconnects', async () => {
    // Several idle connections in the pool.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(opened.db)));
    await terminateOthers();
    await pause(300);
    const { rows } = await sql<{ n: number }>`select 1 as n`.execute(opened.db);
    expect(rows).toEqual([{ n: 1 }]);
  });

  test('a fenced transaction whose connection dies fails as "unavailable", and the pool recovers', async () => {
    const fenced = opened.fence!('default');
    const failure = await fenced
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        const pid = rows[0]!.pid;
        await sql`select pg_terminate_backend(${pid})`.execute(opened.db);
        await pause(200);
        await sql`select 1`.execute(trx);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(dbFault(failure)).toBe('unavailable');
    await pause(100);
    const { rows } = await sql<{ n: number }>`select 1 as n`.execute(fenced);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
