import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.ts';
import type { DatabaseTarget } from '../src/config/database-target.ts';

export interface BackupCliArgs {
  dir: string;
  database: DatabaseTarget;
  blobDir: string;
}

/**
 * `npm run backup|restore -- DIR [--blob-dir DIR] [--data DIR]`: the database from the server's
 * own configuration (DATABASE_URL, else CODECARD_DATA_DIR or --data), the blob directory from
 * --blob-dir, else the server's (CODECARD_BLOB_DIR and its defaults).
 */
export function backupCliArgs(argv: string[], usage: string): BackupCliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'blob-dir': { type: 'string' }, data: { type: 'string' } },
    allowPositionals: true,
  });
  const [dir, extra] = positionals;
  if (!dir || extra !== undefined) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  const config = loadConfig(process.env, values.data ? { dataDir: values.data } : {});
  return {
    dir: resolve(dir),
    database: config.database,
    blobDir: resolve(values['blob-dir'] ?? config.uploads.dir),
  };
}

export function describeTarget(database: DatabaseTarget): string {
  switch (database.kind) {
    case 'postgres': {
      const url = new URL(database.url);
      return `PostgreSQL ${url.host}${url.pathname}`;
    }
    case 'pglite':
      return `the embedded database in ${database.dataDir}`;
    case 'pglite-memory':
      return 'an in-memory database';
  }
}
