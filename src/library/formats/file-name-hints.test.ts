import { describe, expect, it, test } from 'vitest';
import {
  effectiveDateFromFileName,
  monthReleaseFromFileName,
  ncciReleaseFromFileName,
  ncciReleaseStart,
  releaseLabel,
  settingFromText,
} from './file-name-hints.ts';

describe('file name hints', () => {
  it('reads NCCI settings and releases', () => {
    expect(settingFromText('ccipra-v322r0-f1.TXT')).toBe('practitioner');
    expect(settingFromText('ccioph-v323r0_active.csv')).toBe('hospital');
    expect(settingFromText('MCR_MUE_DMESupplierServices_Eff_07-01-2026.csv')).toBe('dme');
    expect(settingFromText('edits.csv')).toBeUndefined();
    expect(ncciReleaseFromFileName('uploads/ccipra-v322r0-f1.TXT')).toBe('v32.2');
    expect(ncciReleaseFromFileName('edits.txt')).toBeUndefined();
  });

  it('reads effective dates and month releases', () => {
    expect(effectiveDateFromFileName('MUE_OutpatientHospital_Eff_10-01-2026.csv')).toBe(
      '2026-10-01',
    );
    expect(effectiveDateFromFileName('MUE_Eff_13-01-2026.csv')).toBeUndefined();
    expect(monthReleaseFromFileName('HCPC2026_OCT_ANWEB.xlsx')).toEqual({ year: 2026, month: 10 });
    expect(monthReleaseFromFileName('PPRRVU2026_Jul_nonQPP.csv')).toEqual({ year: 2026, month: 7 });
    expect(monthReleaseFromFileName('october-2026-alpha-numeric-hcpcs-file.csv')).toEqual({
      year: 2026,
      month: 10,
    });
    expect(monthReleaseFromFileName('HCPC2020_ANWEB_w_disclaimer.txt')).toEqual({
      year: 2020,
      month: null,
    });
    expect(releaseLabel({ year: 2026, month: 10 })).toBe('October 2026');
  });
});

describe('ncciReleaseStart', () => {
  test('maps an NCCI version to the first day of its quarter', () => {
    expect(ncciReleaseStart('v32.2')).toBe('2026-07-01');
    expect(ncciReleaseStart('v32.3')).toBe('2026-10-01');
    expect(ncciReleaseStart('v26.0')).toBe('2020-01-01');
    expect(ncciReleaseStart('v32.7')).toBeUndefined();
    expect(ncciReleaseStart(undefined)).toBeUndefined();
  });
});
