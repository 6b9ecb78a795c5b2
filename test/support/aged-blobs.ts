import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export const DAY = 24 * 60 * 60 * 1000;

/**
 * A fresh blob directory per test, and blob files in it as a writer left them, last written
 * `ageMs` ago (the sweep decides by age and by the writer's pid in the name).
 */
export function agedBlobDir(prefix: string): {
  dir: () => string;
  blob: (name: string, ageMs: number) => Promise<string>;
} {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    async blob(name, ageMs) {
      await writeFile(join(dir, name), 'x');
      const time = (Date.now() - ageMs) / 1000;
      await utimes(join(dir, name), time, time);
      return name;
    },
  };
}
