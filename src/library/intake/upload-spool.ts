import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SpooledFile } from '../spooled-file.ts';

/** `<pid>-<uuid>.upload`: the pid tells a live server's file from a leftover of a dead one. */
const SPOOL_NAME = /^(\d+)-[0-9a-f-]{36}\.upload$/;

/**
 * The directory uploads are streamed into (0700, files 0600), so a request holds at most one
 * chunk of a file in memory whatever its size. Files are named after the writing process, so a
 * sweep at start removes what a killed server left behind without touching the files of another
 * server running on the same directory.
 */
export class UploadSpool {
  constructor(readonly dir: string) {}

  /** Creates the directory (or checks it is ours) and removes leftovers of dead processes. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const info = await lstat(this.dir);
    const uid = process.getuid?.();
    if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) {
      throw new Error(`the upload directory ${this.dir} is not a directory owned by this user`);
    }
    if ((info.mode & 0o077) !== 0) await chmod(this.dir, 0o700);
    await this.sweep();
  }

  /**
   * Streams `source` into a new spool file, hashing and counting as it goes; `onChunk` sees each
   * chunk's size first and may throw to stop the upload (a limit). Waits for the disk before
   * reading on (backpressure). On any failure, the client's abort included, the partial file is
   * deleted and the error rethrown.
   */
  async write(
    source: Readable,
    fileName: string,
    onChunk: (bytes: number) => void,
  ): Promise<SpooledFile> {
    const path = join(this.dir, `${process.pid}-${randomUUID()}.upload`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        try {
          onChunk(chunk.length);
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
      await pipeline(source, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { fileName, path, size, sha256: hash.digest('hex') };
  }

  private async sweep(): Promise<void> {
    // Files of this process written before it started are leftovers too: a restarted
    // container's server often gets the same pid again.
    const started = Date.now() - process.uptime() * 1000;
    for (const name of await readdir(this.dir)) {
      const pid = Number(SPOOL_NAME.exec(name)?.[1] ?? NaN);
      if (Number.isNaN(pid)) continue;
      const path = join(this.dir, name);
      const leftover = pid === process.pid ? await modifiedBefore(path, started) : !isAlive(pid);
      if (leftover) await rm(path, { force: true });
    }
  }
}

export async function discardSpooled(files: readonly SpooledFile[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.path, { force: true })));
}

async function modifiedBefore(path: string, time: number): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.mtimeMs < time;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
