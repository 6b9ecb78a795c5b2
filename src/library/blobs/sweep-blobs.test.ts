import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DirectoryBlobStore } from './directory-blob-store.ts';
import { openBlobStore } from './open-blob-store.ts';
import { blobSweepFor, sweepBlobs } from './sweep-blobs.ts';

const DAY = 24 * 60 * 60 * 1000;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// No process has the largest pid Linux can hand out (pid_max is at most 2^22): a dead writer,
// or a writer on another machine, which looks the same from here.
const DEAD = 2147483646;

describe('sweeping blobs at start', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'codecard-sweep-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A blob file as a writer left it, last written `ageMs` ago. */
  async function blob(name: string, ageMs: number): Promise<string> {
    await writeFile(join(dir, name), 'x');
    const time = (Date.now() - ageMs) / 1000;
    await utimes(join(dir, name), time, time);
    return name;
  }

  test('on PostgreSQL only blobs older than the setting go, whoever wrote them', async () => {
    await blob(`${DEAD}-${uuid(1)}.upload`, 8 * DAY);
    await blob(`${process.ppid}-${uuid(2)}.partial`, 8 * DAY);
    // Another instance's queued job: its writer is not alive here, but it is young.
    const queued = await blob(`${DEAD}-${uuid(3)}.upload`, 6 * DAY);
    const ownYoung = await blob(`${process.pid}-${uuid(4)}.upload`, 60_000);
    const foreign = await blob('notes.txt', 30 * DAY);
    const store = new DirectoryBlobStore(dir);
    expect(await sweepBlobs(store, { kind: 'olderThan', days: 7 })).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([queued, ownYoung, foreign].sort());
    expect(await sweepBlobs(store, { kind: 'olderThan', days: 5 })).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([ownYoung, foreign].sort());
  });

  test('on the embedded store leftovers of dead processes and of this one before it started go', async () => {
    await blob(`${DEAD}-${uuid(1)}.upload`, 1000);
    await blob(`${DEAD}-${uuid(2)}.partial`, 1000);
    const live = await blob(`${process.ppid}-${uuid(3)}.upload`, 30 * DAY);
    await blob(`${process.pid}-${uuid(4)}.upload`, process.uptime() * 1000 + 60_000);
    const ownNew = await blob(`${process.pid}-${uuid(5)}.partial`, 0);
    const foreign = await blob('notes.txt', 30 * DAY);
    expect(await sweepBlobs(new DirectoryBlobStore(dir), { kind: 'leftovers' })).toBe(3);
    expect((await readdir(dir)).sort()).toEqual([live, ownNew, foreign].sort());
  });

  test('the engine picks the sweep; opening a store sweeps it before anything is written', async () => {
    expect(blobSweepFor('pglite', 7)).toEqual({ kind: 'leftovers' });
    expect(blobSweepFor('postgres', 3)).toEqual({ kind: 'olderThan', days: 3 });
    const young = await blob(`${DEAD}-${uuid(1)}.upload`, 2 * DAY);
    await blob(`${DEAD}-${uuid(2)}.upload`, 4 * DAY);
    const store = await openBlobStore(dir, blobSweepFor('postgres', 3));
    expect(await readdir(dir)).toEqual([young]);
    expect((await store.readBytes(`${DEAD}-${uuid(1)}`)).toString()).toBe('x');
    await openBlobStore(dir, blobSweepFor('pglite', 3));
    expect(await readdir(dir)).toEqual([]);
  });
});
