import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';
import { defaultUploadDir } from './upload-config.ts';

describe('upload settings', () => {
  test('default: the data directory spools, twice the per-file limit per request, 2 at once', () => {
    const config = loadConfig({
      CODECARD_DATA_DIR: '/srv/codecard',
      CODECARD_MAX_UPLOAD_MB: '100',
    });
    expect(config.maxUploadBytes).toBe(100 * 1024 * 1024);
    expect(config.uploads).toEqual({
      dir: join('/srv/codecard', 'uploads'),
      maxRequestBytes: 200 * 1024 * 1024,
      maxConcurrentPerUser: 2,
    });
  });

  test('on PostgreSQL the OS temp directory spools; every setting can be changed', () => {
    const url = 'postgres://localhost/codecard';
    expect(loadConfig({ DATABASE_URL: url }).uploads.dir).toBe(defaultUploadDir());
    const set = loadConfig({
      DATABASE_URL: url,
      CODECARD_UPLOAD_DIR: 'spool',
      CODECARD_MAX_UPLOAD_TOTAL_MB: '700',
      CODECARD_MAX_CONCURRENT_UPLOADS: '5',
    });
    expect(set.uploads).toEqual({
      dir: resolve('spool'),
      maxRequestBytes: 700 * 1024 * 1024,
      maxConcurrentPerUser: 5,
    });
    expect(() => loadConfig({ CODECARD_MAX_CONCURRENT_UPLOADS: '0' })).toThrow(
      /CODECARD_MAX_CONCURRENT_UPLOADS must be a whole number of at least 1/,
    );
  });
});
