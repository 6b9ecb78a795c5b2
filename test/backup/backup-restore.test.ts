import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { DatabaseTarget } from '../../src/config/database-target.ts';
import { openDatabase } from '../../src/db/database.ts';
import { composeCard } from '../../src/cards/compose-card.ts';
import { importFile } from '../../src/library/import.service.ts';
import { backup } from '../../scripts/backup-run.ts';
import { restore } from '../../scripts/restore-run.ts';
import { withPgClient } from '../../scripts/backup-tools.ts';
import { testContext } from '../support/test-context.ts';

// A code table, a PTP release and a prose document from the starter library (SAMPLE wording).
const starter = join(import.meta.dirname, '../../samples/starter-library');
const files = [
  'sample-procedure-descriptors-eff-01-01-2026.csv',
  'sample-ccipra-v320r0-ptp.txt',
  'sample-epidural-coding-guide.md',
];
const request = { code: '62264', dos: '2026-03-02', setting: 'practitioner', lang: 'en' } as const;

async function seedAndCompose(target: DatabaseTarget) {
  const opened = await openDatabase(target);
  try {
    const ctx = testContext(opened);
    for (const name of files)
      await importFile(ctx, { fileName: name, bytes: await readFile(join(starter, name)) });
    return await composeCard(ctx, request);
  } finally {
    await opened.close();
  }
}

async function compose(target: DatabaseTarget) {
  const opened = await openDatabase(target);
  try {
    return await composeCard(testContext(opened), request);
  } finally {
    await opened.close();
  }
}

async function admin(serverUrl: string, text: string): Promise<void> {
  await withPgClient(serverUrl, (client) => client.query(text));
}

const work: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'codecard-backup-'));
  work.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('backup and restore on PostgreSQL', () => {
  // Never dialled when the tier is skipped (the describe body still runs).
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://localhost/skipped';
  const name = `codecard_bk_${Math.random().toString(16).slice(2, 10)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
  afterAll(async () => {
    if (process.env.TEST_DATABASE_URL) await admin(serverUrl, `drop database if exists ${name}`);
  });

  test('back up, drop the database and wipe the blobs, restore: the same card and files', async () => {
    await admin(serverUrl, `create database ${name}`);
    const before = await seedAndCompose(target);
    expect(before.tables.some((t) => t.kind === 'ptp' && t.rows.length > 0)).toBe(true);
    const root = await tempDir();
    const blobDir = join(root, 'blobs');
    await mkdir(join(blobDir, 'ab'), { recursive: true });
    await writeFile(join(blobDir, 'ab', 'abcdef'), 'SAMPLE uploaded bytes');
    const dir = join(root, 'backup');
    const manifest = await backup({ database: target, blobDir, outDir: dir });
    expect(Object.keys(manifest.parts)).toEqual(['database.dump', 'blobs.tar']);
    expect(manifest.engine).toBe('postgres');

    await admin(serverUrl, `drop database ${name}`);
    await admin(serverUrl, `create database ${name}`);
    await rm(blobDir, { recursive: true });
    await restore({ database: target, blobDir, fromDir: dir });
    expect(await compose(target)).toEqual(before);
    expect(await readFile(join(blobDir, 'ab', 'abcdef'), 'utf8')).toBe('SAMPLE uploaded bytes');

    // A second restore would merge into a library: refused.
    await expect(restore({ database: target, blobDir: null, fromDir: dir })).rejects.toThrow(
      /blobs.tar|not empty/,
    );
    const other = join(root, 'other');
    await expect(restore({ database: target, blobDir: other, fromDir: dir })).rejects.toThrow(
      /database is not empty/,
    );
    expect(existsSync(other)).toBe(false); // checked before anything was written
  });
});

describe('backup and restore of the embedded database', () => {
  test('back up with the server stopped, restore into a new directory: the same card', async () => {
    const root = await tempDir();
    const source: DatabaseTarget = { kind: 'pglite', dataDir: join(root, 'data') };
    const before = await seedAndCompose(source);
    const blobDir = join(root, 'blobs');
    await mkdir(blobDir);
    await writeFile(join(blobDir, 'a.pdf'), 'SAMPLE blob');

    // While a process holds the directory, the copy is refused.
    const running = await openDatabase(source);
    await expect(
      backup({ database: source, blobDir, outDir: join(root, 'refused') }),
    ).rejects.toThrow();
    await running.close();

    const dir = join(root, 'backup');
    const manifest = await backup({ database: source, blobDir, outDir: dir });
    expect(Object.keys(manifest.parts).sort()).toEqual(['blobs.tar', 'pglite.tar']);

    const restored: DatabaseTarget = { kind: 'pglite', dataDir: join(root, 'restored') };
    const restoredBlobs = join(root, 'restored-blobs');
    await restore({ database: restored, blobDir: restoredBlobs, fromDir: dir });
    expect(await readFile(join(restoredBlobs, 'a.pdf'), 'utf8')).toBe('SAMPLE blob');
    expect(await compose(restored)).toEqual(before);
  });
});
