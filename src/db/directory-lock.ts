import {
  chmodSync,
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CodecardError } from '../errors/codecard-error.ts';

export interface DirectoryLock {
  release(): void;
}

/** How long to keep trying while another process is in the middle of a takeover. */
const TAKEOVER_ATTEMPTS = 200;
const TAKEOVER_WAIT_MS = 10;
/** A takeover file this old without a live owner was left by a crash mid-takeover. */
const STALE_TAKEOVER_MS = 5000;

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
  for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
    if (createLock(path)) return { release: () => rmSync(path, { force: true }) };
    refuseLiveOwner(path, dir);
    // The owner is dead. Taking over is check, remove, create: two processes doing that at once
    // could both see the dead owner, and the later one would remove the earlier one's new lock.
    // So only the holder of the takeover file may do it, and it checks again once it holds it.
    const takeover = `${path}.takeover`;
    if (createLock(takeover)) {
      try {
        refuseLiveOwner(path, dir);
        rmSync(path, { force: true });
        if (createLock(path)) return { release: () => rmSync(path, { force: true }) };
      } finally {
        rmSync(takeover, { force: true });
      }
    } else {
      clearStaleTakeover(takeover);
      pause(TAKEOVER_WAIT_MS);
    }
  }
  throw new CodecardError('STORE_LOCKED', { detail: `could not lock the data directory ${dir}` });
}

/**
 * Creates `path` holding this process's pid; false if it exists. The pid is written to a file of
 * our own first and linked into place (link fails if the name exists), so a lock is never seen
 * empty: an empty one would look ownerless and be taken over.
 */
function createLock(path: string): boolean {
  const own = `${path}.${process.pid}`;
  const fd = openSync(own, 'w', 0o600);
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

function refuseLiveOwner(path: string, dir: string): void {
  const owner = readOwner(path);
  if (owner !== null && isAlive(owner)) {
    throw new CodecardError('STORE_LOCKED', {
      detail: `the data directory ${dir} is in use by another Codecard process (pid ${owner}); stop it or use another --data directory`,
    });
  }
}

/**
 * A takeover file whose process died would block every later start; it is removed (one that
 * cannot be read is judged by its age).
 */
function clearStaleTakeover(takeover: string): void {
  const holder = readOwner(takeover);
  if (holder !== null ? !isAlive(holder) : ageMs(takeover) > STALE_TAKEOVER_MS)
    rmSync(takeover, { force: true });
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Opening the store is synchronous up to here; a few milliseconds' wait keeps it so. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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

/** Whether a process with this pid runs on this machine (EPERM: alive, another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
