import { describe, expect, it } from 'vitest';
import { toIsoDate } from './iso-date.ts';

describe('toIsoDate', () => {
  it.each([
    ['20260701', '2026-07-01'],
    ['2026-07-01', '2026-07-01'],
    ['2026-07-01T00:00:00.000Z', '2026-07-01'],
    ['07/01/2026', '2026-07-01'],
    ['7/1/2026', '2026-07-01'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['20261301', null],
    ['*', null],
    ['', null],
    ['1/1/26', null],
  ])('%j -> %j', (raw, iso) => {
    expect(toIsoDate(raw)).toBe(iso);
  });
});
