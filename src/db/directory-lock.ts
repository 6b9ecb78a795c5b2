import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CodecardError } from '../errors/codecard-error.ts';

export interface DirectoryLock {
  release(): void;
}

/**
 * One process per PGlite directory: PGlite has no multi-process locking of its own, and two
 * writers would corrupt the store. The lock file holds the owner's pid; a lock left by a dead
 * process (SIGKILL) is taken over.
 */
export function lockDirectory(dir: string): DirectoryLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'codecard.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if (!isExists(error)) throw error;
      const owner = readOwner(path);
      if (owner !== null && isAlive(owner)) {
        throw new CodecardError('STORE_LOCKED', {
          detail: `the data directory ${dir} is in use by another Codecard process (pid ${owner}); stop it or use another --data directory`,
        });
      }
      rmSync(path, { force: true });
    }
  }
  throw new CodecardError('STORE_LOCKED', { detail: `could not lock the data directory ${dir}` });
}

function readOwner(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}
