import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';

describe('read replica and card cache settings', () => {
  test('CODECARD_DATABASE_READ_URL rides with DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://primary/codecard',
      CODECARD_DATABASE_READ_URL: ' postgres://replica/codecard ',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://primary/codecard',
      readUrl: 'postgres://replica/codecard',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://primary/codecard' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://primary/codecard',
    });
  });

  test('CODECARD_DATABASE_POOL_SIZE sizes the PostgreSQL pools; unset leaves the default', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://primary/codecard', CODECARD_DATABASE_POOL_SIZE: '16' })
        .database,
    ).toEqual({ kind: 'postgres', url: 'postgres://primary/codecard', poolSize: 16 });
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://p/c', CODECARD_DATABASE_POOL_SIZE: '0' }),
    ).toThrow(/CODECARD_DATABASE_POOL_SIZE must be a whole number of at least 1/);
  });

  test('CODECARD_CARD_CACHE_ENTRIES: 1,000 by default, 0 turns the cache off', () => {
    expect(loadConfig({}).cardCacheEntries).toBe(1000);
    expect(loadConfig({ CODECARD_CARD_CACHE_ENTRIES: '0' }).cardCacheEntries).toBe(0);
    expect(() => loadConfig({ CODECARD_CARD_CACHE_ENTRIES: '-1' })).toThrow(
      /CODECARD_CARD_CACHE_ENTRIES must be a whole number of at least 0/,
    );
  });
});
