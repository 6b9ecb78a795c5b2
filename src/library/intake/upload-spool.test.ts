import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DirectoryBlobStore } from '../blobs/directory-blob-store.ts';
import type { SpooledFile } from '../spooled-file.ts';
import { discardSpooled, openSpooled, readSpooled, UploadSpool } from './upload-spool.ts';

describe('spooled uploads in the blob store', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'codecard-upload-spool-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('an upload spooled by one process is read by another from its JSON, then discarded', async () => {
    const instance = new DirectoryBlobStore(dir);
    const sizes: number[] = [];
    const file = await new UploadSpool(instance).write(
      Readable.from(['99991,SAMPLE ', 'spooled wording\n']),
      'ccipra-v322r0-f1.txt',
      (bytes) => sizes.push(bytes),
    );
    expect(sizes).toEqual([13, 16]);
    expect(file).toMatchObject({ fileName: 'ccipra-v322r0-f1.txt', size: 29 });
    expect(file.key).not.toContain('ccipra');

    // A durable job keeps the file as JSON; a worker with its own store reads it.
    const input = JSON.parse(JSON.stringify(file)) as SpooledFile;
    const worker = new DirectoryBlobStore(dir);
    expect((await readSpooled(worker, input)).toString()).toBe('99991,SAMPLE spooled wording\n');
    expect(await text(await openSpooled(worker, input))).toBe('99991,SAMPLE spooled wording\n');

    await discardSpooled(worker, [input, input]);
    expect(await readdir(dir)).toEqual([]);
    await expect(readSpooled(instance, file)).rejects.toMatchObject({ code: 'BLOB_MISSING' });
  });
});
