import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';

describe('CODECARD_QUESTION_RETENTION_DAYS', () => {
  test('defaults to 30 days and takes a whole number of days', () => {
    expect(loadConfig({}).questionRetentionDays).toBe(30);
    expect(loadConfig({ CODECARD_QUESTION_RETENTION_DAYS: '7' }).questionRetentionDays).toBe(7);
  });

  test('refuses zero, fractions and words', () => {
    for (const value of ['0', '1.5', 'month'])
      expect(() => loadConfig({ CODECARD_QUESTION_RETENTION_DAYS: value })).toThrow(
        /CODECARD_QUESTION_RETENTION_DAYS must be a whole number of at least 1/,
      );
  });
});
