import { readdir } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { agedBlobDir, DAY } from '../../test/support/aged-blobs.ts';
import { readSpooled } from '../library/intake/upload-spool.ts';
import { openUploadSettings } from './upload-settings.ts';

// A pid no process has here: a writer that died, or one on another machine.
const ELSEWHERE = 2147483646;
const key = (n: number) => `${ELSEWHERE}-00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('instances sharing one blob directory', () => {
  const blobs = agedBlobDir('codecard-shared-blobs-');
  const blob = blobs.blob;

  test("on PostgreSQL an instance's start keeps other instances' blobs, written or still arriving", async () => {
    const queued = await blob(`${key(1)}.upload`, 1 * DAY);
    await blob(`${key(2)}.upload`, 8 * DAY);
    const a = await openUploadSettings({ dir: blobs.dir() }, 1024, 'postgres');
    expect(await readdir(blobs.dir())).toEqual([queued]);

    // An upload still arriving at instance A while instance B starts on the same directory.
    const source = new PassThrough();
    const writing = a.spool.write(source, 'claims.ndjson', () => {});
    source.write('{"id":"A",');
    await expect.poll(async () => (await readdir(blobs.dir())).length, { timeout: 10_000 }).toBe(2);
    const b = await openUploadSettings({ dir: blobs.dir(), sweepAfterDays: 7 }, 1024, 'postgres');
    source.end('"lines":[]}\n');
    const file = await writing;

    // B (or a worker) reads what A wrote, and the queued job's blob is still there.
    expect((await readSpooled(b.spool.store, file)).toString()).toBe('{"id":"A","lines":[]}\n');
    expect((await readSpooled(b.spool.store, { ...file, key: key(1) })).toString()).toBe('x');
  });

  test('on the embedded store a dead process leaves nothing another start keeps', async () => {
    await blob(`${key(1)}.upload`, 1000);
    await blob(`${key(2)}.partial`, 1000);
    await openUploadSettings({ dir: blobs.dir() }, 1024, 'pglite');
    expect(await readdir(blobs.dir())).toEqual([]);
  });
});
