/**
 * Where the library is stored: the embedded PGlite (on disk or in memory) or a PostgreSQL server.
 * `readUrl` (CODECARD_DATABASE_READ_URL): a read replica for reference-data reads, PostgreSQL
 * only; the embedded store notes it and ignores it. `poolSize` (CODECARD_DATABASE_POOL_SIZE):
 * connections per pool (primary and replica each), PostgreSQL only.
 */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string; readUrl?: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string; readUrl?: string; poolSize?: number };
