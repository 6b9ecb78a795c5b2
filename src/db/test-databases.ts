import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from './database.ts';

/**
 * The database tiers tests run on: the embedded PGlite always, and a real PostgreSQL server
 * when TEST_DATABASE_URL is set (the Postgres tier in .ci/run). Each opened database is fresh.
 */
export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDatabase(
  kind: TestDatabaseKind,
  options: { readUrl?: (ownUrl: string) => string } = {},
): Promise<OpenDatabase> {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite-memory' });
  const created = await createTestPostgresDatabase();
  const readUrl = options.readUrl?.(created.url);
  const opened = await openDatabase({
    kind: 'postgres',
    url: created.url,
    ...(readUrl ? { readUrl } : {}),
  });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await created.drop();
    },
  };
}

/** A new, empty database on the TEST_DATABASE_URL server: its URL, and how to drop it. */
export async function createTestPostgresDatabase(): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `codecard_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // WITH (FORCE): a fenced connection still resetting itself as the pool ends must not keep it.
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

// The database name is generated here from random hex, never from input.
async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
