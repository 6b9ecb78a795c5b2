import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { lockDirectory } from './directory-lock.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data directory', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('is created for its owner only (0700), with the lock file 0600', () => {
    const parent = mkdtempSync(join(tmpdir(), 'codecard-mode-'));
    made.push(parent);
    const dir = join(parent, 'data');
    const lock = lockDirectory(dir);
    try {
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, 'codecard.lock'))).toBe(0o600);
    } finally {
      lock.release();
    }
  });

  test('an existing directory readable by others is tightened to 0700', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codecard-mode-'));
    made.push(dir);
    chmodSync(dir, 0o755);
    expect(modeOf(dir)).toBe(0o755);
    const lock = lockDirectory(dir);
    lock.release();
    expect(modeOf(dir)).toBe(0o700);
  });
});
