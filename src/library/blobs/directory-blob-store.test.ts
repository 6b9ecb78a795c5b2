import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { DirectoryBlobStore } from './directory-blob-store.ts';

const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

describe('DirectoryBlobStore', () => {
  let root: string;
  let dir: string;
  let store: DirectoryBlobStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codecard-blobs-test-'));
    dir = join(root, 'blobs');
    store = new DirectoryBlobStore(dir);
    await store.open();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('a blob is written under a generated key (0600 in a 0700 directory), counted, hashed, read back', async () => {
    const bytes = 'Code,Long Descriptor\n99991,SAMPLE blob wording\n';
    const blob = await store.write(Readable.from([bytes.slice(0, 10), bytes.slice(10)]));
    expect(blob).toEqual({
      key: expect.stringMatching(/^\d+-[0-9a-f-]{36}$/) as unknown,
      size: Buffer.byteLength(bytes),
      sha256: sha256(bytes),
    });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(store.pathOf(blob.key))).mode & 0o777).toBe(0o600);
    expect((await store.readBytes(blob.key)).toString()).toBe(bytes);
    expect(await text(await store.read(blob.key))).toBe(bytes);
    // Another process opening the same directory reads it the same (an instance and a worker).
    expect((await new DirectoryBlobStore(dir).readBytes(blob.key)).toString()).toBe(bytes);
    await store.delete(blob.key);
    await store.delete(blob.key); // Already deleted is fine.
    expect(await readdir(dir)).toEqual([]);
  });

  test('a write still in progress is never readable; it is renamed into place when complete', async () => {
    const source = new PassThrough();
    const writing = store.write(source);
    source.write('first half,');
    await expect.poll(async () => (await store.list()).length, { timeout: 10_000 }).toBe(1);
    const [entry] = await store.list();
    expect(entry).toMatchObject({ complete: false, writerPid: process.pid });
    expect((await readdir(dir)).filter((name) => name.endsWith('.upload'))).toEqual([]);
    await expect(store.read(entry!.key)).rejects.toMatchObject({ code: 'BLOB_MISSING' });
    source.end('second half');
    const blob = await writing;
    expect(blob.key).toBe(entry!.key);
    expect(await store.list()).toMatchObject([
      { key: blob.key, complete: true, writerPid: process.pid },
    ]);
    expect((await store.readBytes(blob.key)).toString()).toBe('first half,second half');
  });

  test('a limit thrown by onChunk stops the write; nothing of it is kept', async () => {
    const limit = 8;
    let size = 0;
    const error = await store
      .write(Readable.from(['12345', '67890', 'more']), (bytes) => {
        size += bytes;
        if (size > limit)
          throw new CodecardError('FILE_TOO_LARGE', { file: 'f', size: 'more', limit });
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(await readdir(dir)).toEqual([]);
  });

  test('a source that fails mid-write (a client aborting) leaves nothing', async () => {
    const source = new PassThrough();
    const writing = store.write(source).catch((e: unknown) => e);
    source.write('some bytes');
    await expect.poll(async () => (await store.list()).length, { timeout: 10_000 }).toBe(1);
    source.destroy(new Error('aborted by the client'));
    expect(await writing).toMatchObject({ message: 'aborted by the client' });
    expect(await readdir(dir)).toEqual([]);
  });

  test('keys name nothing outside the directory: anything not generated here is BLOB_MISSING', async () => {
    // What '../secret' would reach if keys were joined to the directory unchecked.
    const outside = [join(root, 'secret.upload'), join(root, 'secret.partial')];
    for (const path of outside) await writeFile(path, 'not a blob');
    const blob = await store.write(Readable.from(['x']));
    for (const key of [
      '../secret',
      join(root, 'secret'),
      `${blob.key}/../../secret`,
      `${blob.key}.upload`,
      `../blobs/${blob.key}`,
      '',
    ]) {
      const error = await store.readBytes(key).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BLOB_MISSING', status: 410 });
      // The key is never echoed back (it could be a path someone tried).
      expect((error as Error).message).not.toContain('secret');
      await expect(store.read(key)).rejects.toMatchObject({ code: 'BLOB_MISSING' });
      await store.delete(key);
    }
    expect(outside.map((path) => existsSync(path))).toEqual([true, true]);
    expect((await store.readBytes(blob.key)).toString()).toBe('x');
  });

  test('a deleted (or never written) blob is BLOB_MISSING naming the setting to share', async () => {
    const blob = await store.write(Readable.from(['x']));
    await store.delete(blob.key);
    const error = await store.read(blob.key).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BLOB_MISSING' });
    expect((error as Error).message).toContain(blob.key);
    expect((error as Error).message).toContain('CODECARD_BLOB_DIR');
  });

  test('open makes an existing directory 0700 and refuses a symlink in its place', async () => {
    await chmod(dir, 0o755);
    await store.open();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const link = join(root, 'link');
    await symlink(dir, link);
    await expect(new DirectoryBlobStore(link).open()).rejects.toThrow(/not a directory/);
  });
});
