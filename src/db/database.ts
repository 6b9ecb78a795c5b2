import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { CodecardError } from '../errors/codecard-error.ts';
import { describeDbError } from './describe-db-error.ts';
import { initPGliteDirectory } from './pglite-initdb.ts';
import { lockDirectory, type DirectoryLock } from './directory-lock.ts';
import { migrations } from './migrations/index.ts';
import { PGlitePool } from './pglite-pool.ts';
import { orgFence, unfencedPool } from './org-fence.ts';
import type { Database } from './schema.ts';
import type { DatabaseTarget } from '../config/database-target.ts';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  /** Which engine is underneath: bulk loads take a different path on each. */
  engine: 'pglite' | 'postgres';
  /**
   * PostgreSQL only: the store as one organization sees it, fenced by row-level security
   * (src/db/org-fence.ts). The embedded store has one user and no fence.
   */
  fence?: (orgId: string) => Db;
  /**
   * PostgreSQL with CODECARD_DATABASE_READ_URL: the read replica, for reference-data reads only
   * (src/rules/library-version-reader.ts decides per request). Its sessions are read-only, so a
   * write sent there fails instead of landing on a server that is not the primary.
   */
  read?: { db: Db; fence: (orgId: string) => Db };
  /** Runs `hook` before the store closes (queued usage events are written this way). */
  beforeClose(hook: () => Promise<void>): void;
  close(): Promise<void>;
}

/**
 * Connections per pool (CODECARD_DATABASE_POOL_SIZE). Measured on 2 cores with two instances
 * (`npm run load -- --targets pg2`): 4 served 356 req/s, 10 served 281 (more backends than cores
 * contending); a larger server wants more.
 */
const DEFAULT_POOL_SIZE = 4;

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
// Dates stay ISO strings (no time-zone shifts); counts come back as numbers.
const keepText = (value: string) => value;
const toNumber = (value: string) => Number(value);

/** Opens the store, runs pending migrations, and returns it ready to use. */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  const opened = target.kind === 'postgres' ? openPostgres(target) : await openPGlite(target);
  try {
    await migrate(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

async function openPGlite(
  target: Exclude<DatabaseTarget, { kind: 'postgres' }>,
): Promise<OpenDatabase> {
  const lock: DirectoryLock | null =
    target.kind === 'pglite' ? lockDirectory(target.dataDir) : null;
  if (target.kind === 'pglite' && target.readUrl)
    process.stderr.write(
      'codecard: CODECARD_DATABASE_READ_URL is ignored: the embedded database has no read replica (set DATABASE_URL to use PostgreSQL)\n',
    );
  let pglite: PGlite;
  try {
    if (target.kind === 'pglite') await initPGliteDirectory(`${target.dataDir}/pgdata`);
    pglite = await PGlite.create({
      dataDir: target.kind === 'pglite' ? `${target.dataDir}/pgdata` : undefined,
      extensions: { pg_trgm },
      parsers: { [DATE_OID]: keepText, [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
    });
  } catch (error) {
    lock?.release();
    throw new CodecardError('DATABASE', {
      detail: `could not open the embedded database: ${String(error)}`,
    });
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new PGlitePool(pglite) as never }),
  });
  return {
    db,
    engine: 'pglite',
    ...closing(async () => {
      await db.destroy();
      await pglite.close();
      lock?.release();
    }),
  };
}

function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): OpenDatabase {
  const size = target.poolSize ?? DEFAULT_POOL_SIZE;
  const pool = postgresPool(target.url, { size });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: unfencedPool(pool) }) });
  const replica = target.readUrl ? postgresPool(target.readUrl, { size, readOnly: true }) : null;
  const readDb = replica
    ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: unfencedPool(replica) }) })
    : null;
  return {
    db,
    engine: 'postgres',
    fence: orgFence(pool),
    ...(replica && readDb ? { read: { db: readDb, fence: orgFence(replica) } } : {}),
    ...closing(async () => {
      await db.destroy();
      await readDb?.destroy();
      // The Kyselys hand out connections through wrappers that do not own the pools (the
      // fences share them): the pools themselves are ended here, or their connections stay open.
      await pool.end();
      await replica?.end();
    }),
  };
}

function postgresPool(
  url: string,
  { size, readOnly = false }: { size: number; readOnly?: boolean },
): pg.Pool {
  const parsers = new pg.TypeOverrides();
  parsers.setTypeParser(DATE_OID, keepText);
  parsers.setTypeParser(INT8_OID, toNumber);
  parsers.setTypeParser(NUMERIC_OID, toNumber);
  // A server that stops answering (not refusing) would leave requests waiting forever for a
  // connection: after 10 s they get DATABASE_UNAVAILABLE (db-fault.ts) like any outage.
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    types: parsers,
    connectionTimeoutMillis: 10_000,
    ...(readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  survivePoolFaults(pool);
  return pool;
}

/**
 * A server restart or a dropped connection must not end the process: pg emits 'error' on an idle
 * client (through the pool) and on a checked-out one (a transaction in progress, a fenced
 * connection), and an 'error' event nobody listens to is thrown. The pool drops the dead client
 * and connects a new one on next use; the query that was running fails and its request gets
 * DATABASE_UNAVAILABLE. Only the SQLSTATE or pg's own message is logged, never the URL.
 */
function survivePoolFaults(pool: pg.Pool): void {
  const log = (error: Error) =>
    process.stderr.write(`codecard: database connection lost: ${describeDbError(error)}\n`);
  // The pool re-emits an idle client's error, which the client's own listener has logged.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', log);
  });
}

/**
 * Closing twice (a signal during shutdown) must not close twice. The hooks run first, whoever
 * closes the store (server, CLI, a test), so usage events still queued are written.
 */
function closing(close: () => Promise<void>): Pick<OpenDatabase, 'beforeClose' | 'close'> {
  const hooks: (() => Promise<void>)[] = [];
  let closed: Promise<void> | null = null;
  return {
    beforeClose: (hook) => void hooks.push(hook),
    close: () =>
      (closed ??= (async () => {
        for (const hook of hooks) await hook();
        await close();
      })()),
  };
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new CodecardError('DATABASE', {
      detail: `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    });
  }
}
