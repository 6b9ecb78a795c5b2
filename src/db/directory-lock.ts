import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CodecardError } from '../errors/codecard-error.ts';

export interface DirectoryLock {
  release(): void;
}

/**
 * One process per PGlite directory: PGlite has no multi-process locking of its own, and two
 * writers would corrupt the store. The lock file holds the owner's pid; a lock left by a dead
 * process (SIGKILL) is taken over. The directory holds the organization's library, questions
 * and claims, so it is the owner's alone (0700, tightened if it existed looser): nothing in it
 * is readable by other users of the machine, whatever modes the database gives its files.
 */
export function lockDirectory(dir: string): DirectoryLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  ownerOnly(dir);
  const path = join(dir, 'codecard.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
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

/** A directory another user owns keeps the mode its owner gave it (chmod is theirs to do). */
function ownerOnly(dir: string): void {
  try {
    chmodSync(dir, 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
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
