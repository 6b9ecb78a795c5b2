import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrations } from '../src/db/migrations/index.ts';

/** What `npm run backup` wrote and how to check it (manifest.json in the backup directory). */
export interface BackupManifest {
  format: 'codecard-backup/1';
  appVersion: string;
  /** The latest migration applied to the backed-up database. */
  migration: string;
  createdAt: string;
  engine: 'postgres' | 'pglite';
  /** File name in the backup directory → its SHA-256 (hex) and size. */
  parts: Record<string, { sha256: string; bytes: number }>;
}

export const MANIFEST_FILE = 'manifest.json';

/** The newest migration this version of Codecard knows (names sort by their timestamp). */
export function latestKnownMigration(): string {
  return Object.keys(migrations).sort().at(-1)!;
}

export function knowsMigration(name: string): boolean {
  return Object.hasOwn(migrations, name);
}

export async function describePart(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), bytes: (await stat(path)).size };
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Reads the manifest and checks every part it lists (present, same size, same SHA-256) and that
 * this version can restore its schema. Throws with the reason otherwise.
 */
export async function readVerifiedManifest(dir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  if (manifest.format !== 'codecard-backup/1')
    throw new Error(`${dir}: not a Codecard backup (format ${String(manifest.format)})`);
  for (const [name, expected] of Object.entries(manifest.parts)) {
    if (name.includes('/') || name.includes('\\')) throw new Error(`bad part name ${name}`);
    const actual = await describePart(join(dir, name)).catch(() => null);
    if (!actual) throw new Error(`${name} is missing from the backup`);
    if (actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes)
      throw new Error(`${name} does not match the manifest (changed or truncated)`);
  }
  if (!knowsMigration(manifest.migration))
    throw new Error(
      `the backup's schema (${manifest.migration}, Codecard ${manifest.appVersion}) is newer than ` +
        `this version knows (${latestKnownMigration()}): restore it with Codecard ${manifest.appVersion} or later`,
    );
  return manifest;
}
