import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { medicareFee } from './medicare-fee.service.ts';
import { rvuFeeInputs } from './rvu-fee-inputs.ts';

// TEST FIXTURE RVU rows (invented values) and a small GPCI table in the Addendum E layout whose
// indices are invented too (the real file is used by medicare-fee.real.test.ts).
const fixture = path.join(import.meta.dirname, 'fixtures/PPRRVU2026_Jul_TEST_FIXTURE.csv');
const sampleGpci = [
  'ADDENDUM E. SAMPLE GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY CY 2026,,,,,,',
  ',,,,,,',
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2026 PW GPCI (with 1.0 Floor),2026 PE GPCI,2026 MP GPCI',
  '99901,ZZ,01,SAMPLE CITY,1.100,1.200,0.900',
  '99901,ZZ,02,SAMPLE CITY SUBURBS,1.050,1.100,0.800',
  '99901,ZZ,99,REST OF SAMPLE STATE,1.000,0.900,0.700',
  '99902,ZY,00,OTHER PLACE,1.000,,0.500',
].join('\n');

describe('medicareFee', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const fee = (code: string, locality: string, date = '2026-08-01', modifier?: string) =>
    medicareFee(ctx, { code, locality, date, lang: 'en', ...(modifier ? { modifier } : {}) });

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
    await importFile(ctx, { fileName: path.basename(fixture), bytes: readFileSync(fixture) });
  });
  afterAll(async () => opened.close());

  it('without a GPCI file: says the library lacks it, citing the RVU row', async () => {
    const result = await fee('64483', 'Sample City');
    expect(result.outcome).toBe('no-gpci-table');
    expect(result.citations.rvu?.locator).toMatch(/^line \d+$/);
    expect(result.text).toContain('no GPCI file (Addendum E) in force on 2026-08-01');
  });

  it('prices both settings from the rows; a blank GPCI cell is an incomplete row, not $0.00', async () => {
    await importFile(ctx, { fileName: 'GPCI2026-sample.csv', bytes: Buffer.from(sampleGpci) });
    const city = await fee('99213', 'Sample City');
    // (1.30 × 1.100 + 1.11 × 1.200 + 0.09 × 0.900) × 33.4009 = 2.843 × 33.4009 = 94.9587587
    expect(city.nonFacility?.arithmetic?.exact).toBe('94.958758700');
    expect(city.nonFacility?.amount).toBe('94.96');
    // (1.30 × 1.100 + 0.53 × 1.200 + 0.09 × 0.900) × 33.4009 = 2.147 × 33.4009 = 71.7117323
    expect(city.facility?.amount).toBe('71.71');
    const blank = await fee('99213', 'ZY 00');
    expect(blank.outcome).toBe('incomplete-row');
    expect(blank.text).not.toContain('$');
  });

  it('locality words: longest name wins, a state remainder is ambiguous, the unknown lists all', async () => {
    expect((await fee('99213', 'sample city suburbs')).locality?.localityNumber).toBe('02');
    expect((await fee('99213', '99901-99')).locality?.localityNumber).toBe('99');
    const state = await fee('99213', 'Sample State');
    expect(state.outcome).toBe('locality-ambiguous');
    expect(state.candidates.map((c) => c.localityNumber)).toEqual(['01', '02', '99']);
    expect(state.text).toContain('for example “ZZ 01”');
    const unknown = await fee('99213', 'Atlantis');
    expect(unknown.candidates).toHaveLength(4);
  });

  it('modifier rows and dates: the row asked for, in force on the date', async () => {
    const technical = await fee('77003', 'Sample City', '2026-08-01', 'tc');
    expect(technical).toMatchObject({ modifier: 'TC', outcome: 'priced' });
    expect(technical.facility).toMatchObject({ amount: null, naIndicator: true });
    expect((await fee('77003', 'Sample City', '2026-06-30')).outcome).toBe('no-rvu-table');
  });
});

describe('rvuFeeInputs', () => {
  it('reads a row imported before the fee columns from its kept columns', () => {
    const row = {
      code: '99213',
      modifier: null,
      status_code: 'A',
      work_rvu: null,
      non_facility_pe_rvu: null,
      facility_pe_rvu: null,
      mp_rvu: null,
      non_facility_na: null,
      facility_na: null,
      conversion_factor: null,
      columns: [
        ['WORK RVU', '1.30'],
        ['NON-FAC PE RVU', '1.11'],
        ['FACILITY PE RVU', '0.53'],
        ['FACILITY NA INDICATOR', 'NA'],
        ['MP RVU', '0.09'],
        ['CONV FACTOR', '33.4009'],
      ] as [string, string][],
      document_id: 1,
      title: 'old import',
      release: null,
      locator: 'line 11',
    };
    expect(rvuFeeInputs(row, 'non-facility')).toEqual({
      workRvu: '1.30',
      peRvu: '1.11',
      mpRvu: '0.09',
      conversionFactor: '33.4009',
      notApplicable: false,
    });
    expect(rvuFeeInputs(row, 'facility')).toMatchObject({ peRvu: '0.53', notApplicable: true });
  });
});
