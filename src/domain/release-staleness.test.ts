import { describe, expect, it } from 'vitest';
import { dayOf } from './day.ts';
import {
  cyclePeriod,
  datasetOnDay,
  releaseCadence,
  releaseStaleness,
  type DatasetRelease,
} from './release-staleness.ts';

const stale = (kind: string, effectiveFrom: string | null, label: string | null, dos: string) =>
  releaseStaleness({ kind, effectiveFrom, label, dos }).stale;

describe('releaseStaleness', () => {
  it('HCPCS: the annual file by calendar year, a quarterly file by calendar quarter', () => {
    expect(releaseCadence('hcpcs', '2020-01-01', '2020')).toBe('calendar-year');
    expect(releaseCadence('hcpcs', '2026-10-01', 'October 2026')).toBe('calendar-quarter');
    expect(stale('hcpcs', '2020-01-01', '2020', '2026-11-02')).toBe(true);
    expect(stale('hcpcs', '2020-01-01', '2020', '2020-12-31')).toBe(false);
    expect(stale('hcpcs', '2026-10-01', 'October 2026', '2026-12-31')).toBe(false);
    expect(stale('hcpcs', '2026-10-01', 'October 2026', '2027-01-01')).toBe(true);
  });

  it('ICD-10-CM by federal fiscal year (October to September)', () => {
    expect(cyclePeriod('fiscal-year', '2026-10-01')).toBe('FY2027');
    expect(cyclePeriod('fiscal-year', '2026-09-30')).toBe('FY2026');
    expect(stale('icd10cm-order', '2020-10-01', 'FY2021', '2021-09-30')).toBe(false);
    expect(stale('icd10cm-order', '2020-10-01', 'FY2021', '2026-11-02')).toBe(true);
    // An April update belongs to its fiscal year.
    expect(stale('icd10cm-order', '2026-04-01', 'FY2026 April update', '2026-09-30')).toBe(false);
    expect(stale('icd10cm-order', '2026-04-01', 'FY2026 April update', '2026-10-01')).toBe(true);
  });

  it('NCCI by quarter, the MPFS RVU file by year; other datasets are never stale', () => {
    expect(stale('ncci-ptp', '2026-07-01', 'v32.2', '2026-09-30')).toBe(false);
    expect(stale('ncci-mue', '2026-07-01', null, '2026-10-01')).toBe(true);
    expect(stale('mpfs-rvu', '2026-07-01', 'July 2026', '2026-12-31')).toBe(false);
    expect(stale('mpfs-rvu', '2026-07-01', 'July 2026', '2027-01-02')).toBe(true);
    expect(stale('code-table', '2010-01-01', null, '2026-11-02')).toBe(false);
    expect(stale('hcpcs', null, null, '2026-11-02')).toBe(false);
  });

  it('a date before the release is not stale', () => {
    expect(stale('icd10cm-order', '2025-10-01', 'FY2026', '2019-06-01')).toBe(false);
    expect(
      releaseStaleness({
        kind: 'hcpcs',
        effectiveFrom: '2020-01-01',
        label: '2020',
        dos: '2026-11-02',
      }),
    ).toEqual({
      stale: true,
      cadence: 'calendar-year',
      releasePeriod: '2020',
      datePeriod: '2026',
    });
  });
});

const release = (over: Partial<DatasetRelease>): DatasetRelease => ({
  kind: 'icd10cm-order',
  label: 'FY2021',
  effectiveFrom: '2020-10-01',
  from: dayOf('2020-10-01'),
  until: 2_147_483_647,
  partial: false,
  rank: 0,
  ...over,
});

describe('datasetOnDay', () => {
  const fy2021 = release({});
  const fy2026 = release({
    label: 'FY2026',
    effectiveFrom: '2025-10-01',
    from: dayOf('2025-10-01'),
    partial: true,
    rank: 1,
  });

  it('no release in force before the first one', () => {
    expect(datasetOnDay([fy2021, fy2026], '2019-06-01')).toEqual({ inForce: false, stale: null });
  });

  it('judges staleness by the newest complete release in force, not by an excerpt', () => {
    expect(datasetOnDay([fy2021, fy2026], '2026-03-15')).toEqual({ inForce: true, stale: fy2021 });
    expect(datasetOnDay([fy2021, fy2026], '2021-03-15')).toEqual({ inForce: true, stale: null });
    expect(datasetOnDay([fy2026], '2026-11-02')).toEqual({ inForce: true, stale: fy2026 });
  });
});
