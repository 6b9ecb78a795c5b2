import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';
import { defaultUploadDir } from './upload-config.ts';

describe('upload settings', () => {
  test('default: blobs in the data directory, twice the per-file limit per request, 2 at once, swept after 7 days', () => {
    const config = loadConfig({
      CODECARD_DATA_DIR: '/srv/codecard',
      CODECARD_MAX_UPLOAD_MB: '100',
    });
    expect(config.maxUploadBytes).toBe(100 * 1024 * 1024);
    expect(config.uploads).toEqual({
      dir: join('/srv/codecard', 'uploads'),
      sweepAfterDays: 7,
      maxRequestBytes: 200 * 1024 * 1024,
      maxConcurrentPerUser: 2,
    });
  });

  test('on PostgreSQL the OS temp directory holds blobs; every setting can be changed', () => {
    const url = 'postgres://localhost/codecard';
    expect(loadConfig({ DATABASE_URL: url }).uploads.dir).toBe(defaultUploadDir());
    const set = loadConfig({
      DATABASE_URL: url,
      CODECARD_BLOB_DIR: '/mnt/shared/blobs',
      CODECARD_BLOB_SWEEP_DAYS: '3',
      CODECARD_MAX_UPLOAD_TOTAL_MB: '700',
      CODECARD_MAX_CONCURRENT_UPLOADS: '5',
    });
    expect(set.uploads).toEqual({
      dir: '/mnt/shared/blobs',
      sweepAfterDays: 3,
      maxRequestBytes: 700 * 1024 * 1024,
      maxConcurrentPerUser: 5,
    });
    expect(() => loadConfig({ CODECARD_MAX_CONCURRENT_UPLOADS: '0' })).toThrow(
      /CODECARD_MAX_CONCURRENT_UPLOADS must be a whole number of at least 1/,
    );
    expect(() => loadConfig({ CODECARD_BLOB_SWEEP_DAYS: '0' })).toThrow(
      /CODECARD_BLOB_SWEEP_DAYS must be a whole number of at least 1/,
    );
  });

  test('CODECARD_UPLOAD_DIR still names the blob directory; CODECARD_BLOB_DIR wins over it', () => {
    expect(loadConfig({ CODECARD_UPLOAD_DIR: 'spool' }).uploads.dir).toBe(resolve('spool'));
    expect(
      loadConfig({ CODECARD_UPLOAD_DIR: 'spool', CODECARD_BLOB_DIR: 'blobs' }).uploads.dir,
    ).toBe(resolve('blobs'));
  });
});
