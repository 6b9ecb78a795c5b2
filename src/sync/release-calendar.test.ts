import { describe, expect, test } from 'vitest';
import { expectedRelease } from './release-calendar.ts';

describe("the publishers' release calendar", () => {
  test('NCCI, HCPCS and RVU corrections come every quarter', () => {
    for (const kind of ['ncci-ptp', 'ncci-mue', 'hcpcs', 'mpfs-rvu']) {
      expect(expectedRelease(kind, '2026-07-01', '2026-08-15')).toEqual({
        nextExpected: '2026-10-01',
        overdue: false,
      });
    }
    expect(expectedRelease('ncci-ptp', '2026-10-01', '2027-01-01')).toEqual({
      nextExpected: '2027-01-01',
      overdue: true,
    });
  });

  test('ICD-10-CM in October with an April update; GPCI each January', () => {
    expect(expectedRelease('icd10cm-order', '2025-10-01', '2026-03-31')?.nextExpected).toBe(
      '2026-04-01',
    );
    expect(expectedRelease('icd10cm-order', '2026-04-01', '2026-08-01')?.nextExpected).toBe(
      '2026-10-01',
    );
    expect(expectedRelease('gpci', '2026-01-01', '2026-12-31')).toEqual({
      nextExpected: '2027-01-01',
      overdue: false,
    });
  });

  test('nothing held: the release in force now is the one missing', () => {
    expect(expectedRelease('ncci-mue', null, '2026-08-15')).toEqual({
      nextExpected: '2026-07-01',
      overdue: true,
    });
    expect(expectedRelease('icd10cm-order', null, '2026-02-01')?.nextExpected).toBe('2025-10-01');
    expect(expectedRelease('markdown', null, '2026-02-01')).toBeNull();
  });
});
