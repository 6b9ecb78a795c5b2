import { describe, expect, test } from 'vitest';
import { CodecardError } from '../errors/codecard-error.ts';
import { periodStarts, quarterStart, resolveRange, truncate } from './report-range.ts';

describe('report ranges', () => {
  test('default: the last 30 days, today included, by day', () => {
    expect(resolveRange({}, '2026-11-27')).toEqual({
      from: '2026-10-29',
      to: '2026-11-27',
      granularity: 'day',
    });
    expect(resolveRange({ to: '2026-03-01' }, '2026-11-27').from).toBe('2026-01-31');
  });

  test('from after to, more than two years, a bad date or granularity are bad input', () => {
    const bad = (query: object) => () => resolveRange(query, '2026-11-27');
    expect(bad({ from: '2026-11-28' })).toThrow(/is after/);
    expect(bad({ from: '2024-11-26' })).toThrow(/longer than 2 years/);
    expect(bad({ from: '2024-11-27' })).not.toThrow();
    expect(bad({ to: '2026-02-29' })).toThrow(CodecardError);
    expect(bad({ granularity: 'year' })).toThrow(/granularity/);
  });

  test('periods start where date_trunc puts them: the day, the ISO week’s Monday, the 1st', () => {
    expect(truncate('2026-11-29', 'week')).toBe('2026-11-23');
    expect(truncate('2026-11-23', 'week')).toBe('2026-11-23');
    expect(periodStarts({ from: '2026-11-25', to: '2026-12-01', granularity: 'week' })).toEqual([
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(periodStarts({ from: '2026-01-31', to: '2026-03-01', granularity: 'month' })).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(periodStarts({ from: '2026-02-27', to: '2026-03-01', granularity: 'day' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
  });

  test('NCCI quarters start in January, April, July and October', () => {
    expect(quarterStart('2026-03-31')).toBe('2026-01-01');
    expect(quarterStart('2026-04-01')).toBe('2026-04-01');
    expect(quarterStart('2026-11-27')).toBe('2026-10-01');
  });
});
