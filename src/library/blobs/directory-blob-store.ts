import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobEntry, BlobStore, StoredBlob } from '../../domain/blob-store.ts';
import { CodecardError } from '../../errors/codecard-error.ts';

/** `<pid>-<uuid>`: the pid tells a live writer's blob from a leftover of a dead one. */
const KEY = /^(\d{1,10})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A complete blob (the suffix spool files always had, so older leftovers are swept too). */
const COMPLETE = '.upload';
/** A write in progress: renamed to `.upload` once every byte is on disk. */
const PARTIAL = '.partial';

/**
 * Blobs as files in one directory (CODECARD_BLOB_DIR; 0700, files 0600) that every instance and
 * worker of a deployment mounts at the same place. A blob is written under a temporary name and
 * renamed into place when complete, so a reader on any process never sees a partial blob. Keys
 * are generated here and checked on every use, so no key can name a file outside the directory.
 */
export class DirectoryBlobStore implements BlobStore {
  constructor(readonly dir: string) {}

  /** Creates the directory, or checks it is a directory of this OS user, and makes it 0700. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const info = await lstat(this.dir);
    const uid = process.getuid?.();
    if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) {
      throw new Error(`the blob directory ${this.dir} is not a directory owned by this user`);
    }
    if ((info.mode & 0o077) !== 0) await chmod(this.dir, 0o700);
  }

  async write(source: Readable, onChunk?: (bytes: number) => void): Promise<StoredBlob> {
    const key = `${process.pid}-${randomUUID()}`;
    const partial = join(this.dir, key + PARTIAL);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        try {
          onChunk?.(chunk.length);
        } catch (error) {
          done(error as Error);
          return;
        }
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      await rename(partial, this.pathOf(key));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  async read(key: string): Promise<Readable> {
    // Opened here, so a missing blob is an error of this call rather than of the stream.
    const handle = await open(this.pathOf(key), 'r').catch((error: unknown) => {
      throw missing(error, key);
    });
    return handle.createReadStream();
  }

  async readBytes(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key)).catch((error: unknown) => {
      throw missing(error, key);
    });
  }

  async delete(key: string): Promise<void> {
    if (!KEY.test(key)) return; // Never one of ours: nothing to delete.
    await rm(this.pathOf(key), { force: true });
    await rm(join(this.dir, key + PARTIAL), { force: true });
  }

  async list(): Promise<BlobEntry[]> {
    const entries: BlobEntry[] = [];
    for (const name of await readdir(this.dir)) {
      const complete = name.endsWith(COMPLETE);
      if (!complete && !name.endsWith(PARTIAL)) continue;
      const key = name.slice(0, -(complete ? COMPLETE : PARTIAL).length);
      const pid = KEY.exec(key)?.[1];
      if (pid === undefined) continue;
      const info = await stat(join(this.dir, name)).catch(() => null);
      if (info === null) continue; // Deleted or renamed since the directory was read.
      entries.push({ key, modifiedAt: info.mtime, writerPid: Number(pid), complete });
    }
    return entries;
  }

  /** The file a complete blob is kept in (tests look at its mode and whether it is there). */
  pathOf(key: string): string {
    if (!KEY.test(key)) throw missing(null, key);
    return join(this.dir, key + COMPLETE);
  }
}

function missing(error: unknown, key: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (error !== null && code !== 'ENOENT') return error;
  // A key that is not one of ours is reported as missing, never echoed back as a path.
  const shown = KEY.test(key) ? key : 'an unknown key';
  return new CodecardError('BLOB_MISSING', {
    detail: `no blob ${shown} in the blob directory`,
    setting: 'CODECARD_BLOB_DIR',
  });
}
