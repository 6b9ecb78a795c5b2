import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from './database.ts';

describe('CODECARD_DATABASE_READ_URL on the embedded store', () => {
  test('the embedded store opens without a replica and says so on start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'codecard-read-url-'));
    const config = loadConfig({
      CODECARD_DATA_DIR: dataDir,
      CODECARD_DATABASE_READ_URL: 'postgres://replica/codecard',
    });
    expect(config.database).toMatchObject({ kind: 'pglite', dataDir });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const opened = await openDatabase(config.database);
      await opened.close();
      expect(opened.read).toBeUndefined();
      expect(stderr.mock.calls.map(([line]) => String(line)).join('')).toMatch(
        /CODECARD_DATABASE_READ_URL is ignored: the embedded database has no read replica/,
      );
    } finally {
      stderr.mockRestore();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
