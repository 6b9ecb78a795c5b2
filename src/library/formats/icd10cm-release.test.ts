import { describe, expect, it } from 'vitest';
import { icd10cmFiscalYear, icd10cmReleaseFromFileName } from './icd10cm-release.ts';

describe('icd10cmReleaseFromFileName', () => {
  it.each([
    ['icd10cm_order_2026.txt', 'FY2026', '2025-10-01'],
    ['icd10cm_tabular_2021.xml', 'FY2021', '2020-10-01'],
    ['icd10cm-order-Jan-2021.txt', 'FY2021 January update', '2020-10-01'],
    ['april-1-2026-code-descriptions-tabular-order.txt', 'FY2026 April update', '2026-04-01'],
    ['icd10cm_order_2024_Apr.txt', 'FY2024 April update', '2024-04-01'],
    ['icd10cm-order-Oct-2020.txt', 'FY2021', '2020-10-01'],
    ['/some/dir/2025/icd10cm_order_2026.txt', 'FY2026', '2025-10-01'],
  ])('%s -> %s from %s', (name, release, effectiveFrom) => {
    expect(icd10cmReleaseFromFileName(name)).toMatchObject({ release, effectiveFrom });
  });

  it.each(['order.txt', 'icd10cm_order_2025_2026.txt', 'codes-120261.txt'])(
    '%s states no single year: null',
    (name) => {
      expect(icd10cmReleaseFromFileName(name)).toBeNull();
    },
  );

  it('a fiscal year starts on October 1 of the year before', () => {
    expect(icd10cmFiscalYear(2021)).toEqual({
      fiscalYear: 2021,
      release: 'FY2021',
      effectiveFrom: '2020-10-01',
    });
  });
});
