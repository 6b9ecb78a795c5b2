import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { DatabaseTarget } from '../src/config/database-target.ts';
import { lockDirectory } from '../src/db/directory-lock.ts';
import { appVersion } from '../src/version.ts';
import { describePart, writeManifest, type BackupManifest } from './backup-manifest.ts';
import { libpqTarget, pgTool, run, withPgClient } from './backup-tools.ts';

export interface BackupOptions {
  database: DatabaseTarget;
  /** The shared blob directory (CODECARD_BLOB_DIR); null or missing: no blobs part. */
  blobDir: string | null;
  /** A new or empty directory the parts and manifest.json are written to. */
  outDir: string;
}

const migrationQuery = 'select name from kysely_migration order by name desc limit 1';

/**
 * PostgreSQL: `pg_dump -Fc` (a consistent snapshot while the service runs). PGlite: a tar of the
 * data directory taken while holding its lock, so no server can be writing it. Then a tar of the
 * blob directory and the manifest with each part's SHA-256.
 */
export async function backup(options: BackupOptions): Promise<BackupManifest> {
  const { database, outDir } = options;
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty`);
  let migration: string;
  const parts: string[] = [];
  switch (database.kind) {
    case 'postgres': {
      migration = await postgresMigration(database.url);
      const { url, env } = libpqTarget(database.url);
      await run(pgTool('pg_dump'), ['-Fc', '-f', join(outDir, 'database.dump'), url], env);
      parts.push('database.dump');
      break;
    }
    case 'pglite': {
      const lock = lockDirectory(database.dataDir);
      try {
        migration = await pgliteMigration(join(database.dataDir, 'pgdata'));
        // The lock files and the upload spool (in-flight uploads, swept at start) stay behind.
        await run('tar', [
          '-C',
          database.dataDir,
          '--exclude=./codecard.lock*',
          '--exclude=./uploads',
          '-cf',
          join(outDir, 'pglite.tar'),
          '.',
        ]);
      } finally {
        lock.release();
      }
      parts.push('pglite.tar');
      break;
    }
    case 'pglite-memory':
      throw new Error('an in-memory database cannot be backed up');
  }
  const blobDir = options.blobDir;
  if (blobDir && existsSync(blobDir) && !insideDataDir(database, blobDir)) {
    await run('tar', ['-C', blobDir, '-cf', join(outDir, 'blobs.tar'), '.']);
    parts.push('blobs.tar');
  }
  const manifest: BackupManifest = {
    format: 'codecard-backup/1',
    appVersion,
    migration,
    createdAt: new Date().toISOString(),
    engine: database.kind === 'postgres' ? 'postgres' : 'pglite',
    parts: {},
  };
  for (const part of parts) manifest.parts[part] = await describePart(join(outDir, part));
  await writeManifest(outDir, manifest);
  return manifest;
}

/** A blob directory under the PGlite data directory is already in pglite.tar. */
function insideDataDir(database: DatabaseTarget, dir: string): boolean {
  if (database.kind !== 'pglite') return false;
  const path = relative(database.dataDir, dir);
  return !path.startsWith('..') && !isAbsolute(path);
}

function postgresMigration(url: string): Promise<string> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(migrationQuery);
    if (!rows[0]) throw new Error('the database has no Codecard schema');
    return rows[0].name;
  });
}

async function pgliteMigration(pgdata: string): Promise<string> {
  if (!existsSync(pgdata)) throw new Error(`no embedded database in ${pgdata}`);
  const pglite = await PGlite.create({ dataDir: pgdata });
  try {
    const { rows } = await pglite.query<{ name: string }>(migrationQuery);
    if (!rows[0]) throw new Error('the database has no Codecard schema');
    return rows[0].name;
  } finally {
    await pglite.close();
  }
}
