import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  describePart,
  latestKnownMigration,
  readVerifiedManifest,
  writeManifest,
  type BackupManifest,
} from '../../scripts/backup-manifest.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'codecard-manifest-'));
  await writeFile(join(dir, 'database.dump'), 'SAMPLE dump bytes');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function manifest(overrides: Partial<BackupManifest> = {}): Promise<BackupManifest> {
  const written: BackupManifest = {
    format: 'codecard-backup/1',
    appVersion: '0.1.0',
    migration: latestKnownMigration(),
    createdAt: '2026-12-05T07:00:00.000Z',
    engine: 'postgres',
    parts: { 'database.dump': await describePart(join(dir, 'database.dump')) },
    ...overrides,
  };
  await writeManifest(dir, written);
  return written;
}

test('a backup whose parts match its manifest is accepted', async () => {
  const written = await manifest();
  expect(await readVerifiedManifest(dir)).toEqual(written);
});

test('a changed part is refused', async () => {
  await manifest();
  await writeFile(join(dir, 'database.dump'), 'SAMPLE dump byteS');
  await expect(readVerifiedManifest(dir)).rejects.toThrow(/does not match the manifest/);
});

test('a missing part is refused', async () => {
  await manifest();
  await rm(join(dir, 'database.dump'));
  await expect(readVerifiedManifest(dir)).rejects.toThrow(/missing/);
});

test('a backup from a newer schema than this version knows is refused', async () => {
  await manifest({ migration: '29991231000000-from-the-future', appVersion: '9.0.0' });
  await expect(readVerifiedManifest(dir)).rejects.toThrow(/newer than this version knows/);
});

test('a part name cannot point outside the backup directory', async () => {
  await manifest({ parts: { '../etc/passwd': { sha256: 'x', bytes: 1 } } });
  await expect(readVerifiedManifest(dir)).rejects.toThrow(/bad part name/);
});
