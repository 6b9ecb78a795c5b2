import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseTarget } from '../src/config/database-target.ts';
import { FENCED_ROLE } from '../src/db/migrations/20261205020000-fence-organizations.ts';
import { readVerifiedManifest, type BackupManifest } from './backup-manifest.ts';
import { libpqTarget, pgTool, run, withPgClient } from './backup-tools.ts';

export interface RestoreOptions {
  /** An empty PostgreSQL database, or a PGlite data directory that does not exist or is empty. */
  database: DatabaseTarget;
  /** Where blobs.tar goes (empty or missing); required when the backup has one. */
  blobDir: string | null;
  fromDir: string;
}

/**
 * Checks the backup against its manifest (parts, sizes, SHA-256, a schema this version knows),
 * checks that the targets are empty, then restores the database and the blob directory.
 * Never merges into or overwrites a library.
 */
export async function restore(options: RestoreOptions): Promise<BackupManifest> {
  const { database, fromDir, blobDir } = options;
  const manifest = await readVerifiedManifest(fromDir);
  const wanted = database.kind === 'postgres' ? 'postgres' : 'pglite';
  if (manifest.engine !== wanted)
    throw new Error(
      manifest.engine === 'postgres'
        ? 'this backup is of a PostgreSQL database: set DATABASE_URL to an empty database'
        : 'this backup is of an embedded (PGlite) database: unset DATABASE_URL and set CODECARD_DATA_DIR to a new directory',
    );
  const hasBlobs = 'blobs.tar' in manifest.parts;
  if (hasBlobs && !blobDir)
    throw new Error('the backup has blobs.tar: set CODECARD_BLOB_DIR (or --blob-dir)');
  // Every target is checked before anything is written.
  if (database.kind === 'postgres') await requireEmptyDatabase(database.url);
  if (database.kind === 'pglite') await requireEmptyDir(database.dataDir);
  if (hasBlobs && blobDir) await requireEmptyDir(blobDir);
  switch (database.kind) {
    case 'postgres':
      await ensureFencedRole(database.url);
      {
        const { url, env } = libpqTarget(database.url);
        const args = ['--no-owner', '--exit-on-error', '-d', url, join(fromDir, 'database.dump')];
        await run(pgTool('pg_restore'), args, env);
      }
      break;
    case 'pglite':
      await mkdir(database.dataDir, { recursive: true });
      await run('tar', ['-C', database.dataDir, '-xf', join(fromDir, 'pglite.tar')]);
      break;
    case 'pglite-memory':
      throw new Error('cannot restore into an in-memory database');
  }
  if (hasBlobs && blobDir) {
    await mkdir(blobDir, { recursive: true });
    await run('tar', ['-C', blobDir, '-xf', join(fromDir, 'blobs.tar')]);
  }
  return manifest;
}

async function requireEmptyDir(dir: string): Promise<void> {
  if (existsSync(dir) && (await readdir(dir)).length > 0)
    throw new Error(`${dir} is not empty: restore only into an empty directory`);
}

function requireEmptyDatabase(url: string): Promise<void> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from pg_tables where schemaname = 'public'",
    );
    if (Number(rows[0]?.n ?? 0) > 0)
      throw new Error(
        'the database is not empty: restore into a new database (createdb), never over a library',
      );
  });
}

/**
 * The row-level security role belongs to the server, not the database, so pg_dump does not
 * carry it: a restore onto another server needs it before the grants in the dump.
 */
function ensureFencedRole(url: string): Promise<void> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query('select 1 from pg_roles where rolname = $1', [FENCED_ROLE]);
    if (rows.length === 0) await client.query(`create role ${FENCED_ROLE} nologin`);
    await client.query(`grant ${FENCED_ROLE} to current_user`);
  });
}
