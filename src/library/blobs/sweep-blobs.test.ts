import { readdir } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { agedBlobDir, DAY } from '../../../test/support/aged-blobs.ts';
import { DirectoryBlobStore } from './directory-blob-store.ts';
import { openBlobStore } from './open-blob-store.ts';
import { blobSweepFor, sweepBlobs } from './sweep-blobs.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// No process has the largest pid Linux can hand out (pid_max is at most 2^22): a dead writer,
// or a writer on another machine, which looks the same from here.
const DEAD = 2147483646;

describe('sweeping blobs at start', () => {
  const blobs = agedBlobDir('codecard-sweep-test-');
  const blob = blobs.blob;

  test('on PostgreSQL only blobs older than the setting go, whoever wrote them', async () => {
    await blob(`${DEAD}-${uuid(1)}.upload`, 8 * DAY);
    await blob(`${process.ppid}-${uuid(2)}.partial`, 8 * DAY);
    // Another instance's queued job: its writer is not alive here, but it is young.
    const queued = await blob(`${DEAD}-${uuid(3)}.upload`, 6 * DAY);
    const ownYoung = await blob(`${process.pid}-${uuid(4)}.upload`, 60_000);
    const foreign = await blob('notes.txt', 30 * DAY);
    const store = new DirectoryBlobStore(blobs.dir());
    expect(await sweepBlobs(store, { kind: 'olderThan', days: 7 })).toBe(2);
    expect((await readdir(blobs.dir())).sort()).toEqual([queued, ownYoung, foreign].sort());
    expect(await sweepBlobs(store, { kind: 'olderThan', days: 5 })).toBe(1);
    expect((await readdir(blobs.dir())).sort()).toEqual([ownYoung, foreign].sort());
  });

  test('on the embedded store leftovers of dead processes and of this one before it started go', async () => {
    await blob(`${DEAD}-${uuid(1)}.upload`, 1000);
    await blob(`${DEAD}-${uuid(2)}.partial`, 1000);
    const live = await blob(`${process.ppid}-${uuid(3)}.upload`, 30 * DAY);
    await blob(`${process.pid}-${uuid(4)}.upload`, process.uptime() * 1000 + 60_000);
    const ownNew = await blob(`${process.pid}-${uuid(5)}.partial`, 0);
    const foreign = await blob('notes.txt', 30 * DAY);
    expect(await sweepBlobs(new DirectoryBlobStore(blobs.dir()), { kind: 'leftovers' })).toBe(3);
    expect((await readdir(blobs.dir())).sort()).toEqual([live, ownNew, foreign].sort());
  });

  test('the engine picks the sweep; opening a store sweeps it before anything is written', async () => {
    expect(blobSweepFor('pglite', 7)).toEqual({ kind: 'leftovers' });
    expect(blobSweepFor('postgres', 3)).toEqual({ kind: 'olderThan', days: 3 });
    const young = await blob(`${DEAD}-${uuid(1)}.upload`, 2 * DAY);
    await blob(`${DEAD}-${uuid(2)}.upload`, 4 * DAY);
    const store = await openBlobStore(blobs.dir(), blobSweepFor('postgres', 3));
    expect(await readdir(blobs.dir())).toEqual([young]);
    expect((await store.readBytes(`${DEAD}-${uuid(1)}`)).toString()).toBe('x');
    await openBlobStore(blobs.dir(), blobSweepFor('pglite', 3));
    expect(await readdir(blobs.dir())).toEqual([]);
  });

  test('a sweep by age runs again while the process lives', async () => {
    await openBlobStore(blobs.dir(), blobSweepFor('postgres', 3), { sweepEveryMs: 20 });
    // Written after the store opened, as by an upload whose job then went away.
    const aged = await blob(`${DEAD}-${uuid(6)}.upload`, 4 * DAY);
    expect(await readdir(blobs.dir())).toEqual([aged]);
    await expect.poll(() => readdir(blobs.dir()), { timeout: 5_000 }).toEqual([]);
  });
});
