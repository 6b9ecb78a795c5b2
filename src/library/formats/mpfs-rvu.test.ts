import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { parseMpfsRvu } from './mpfs-rvu.ts';
import {
  collect,
  factsOf,
  sampleRvuCsv,
  textFile,
  workbookFile,
} from './structured-test-fixtures.ts';

describe('parseMpfsRvu', () => {
  it('finds the indicator columns in a header stacked over several rows', async () => {
    const parsed = await parseMpfsRvu(textFile('PPRRVU2026_Jul_nonQPP.csv', sampleRvuCsv), {});
    expect(parsed.meta).toEqual({
      release: 'July 2026',
      effectiveFrom: '2026-07-01',
      title: '2026 National Physician Fee Schedule Relative Value File July Release',
      publisher: 'CMS',
    });
    const records = [...parsed.records];
    expect(factsOf(records, 'rvu')).toEqual([
      {
        kind: 'rvu',
        code: '62323',
        modifier: null,
        statusCode: 'A',
        globalDays: '000',
        multipleProcedure: '2',
        bilateralSurgery: '0',
        assistantSurgery: '1',
        coSurgeons: '0',
        teamSurgery: '0',
        workRvu: null,
        nonFacilityPeRvu: null,
        facilityPeRvu: null,
        mpRvu: null,
        nonFacilityNa: null,
        facilityNa: null,
        pctcIndicator: null,
        conversionFactor: '33.4009',
        columns: [
          ['STATUS CODE', 'A'],
          ['GLOB DAYS', '000'],
          ['PRE OP', '0.10'],
          ['POST OP', '0.10'],
          ['MULT PROC', '2'],
          ['BILAT SURG', '0'],
          ['ASST SURG', '1'],
          ['CO- SURG', '0'],
          ['TEAM SURG', '0'],
          ['CONV FACTOR', '33.4009'],
        ],
        locator: 'line 6',
      },
      expect.objectContaining({ code: '62323', modifier: '26', locator: 'line 7' }),
      expect.objectContaining({
        code: '77003',
        modifier: 'TC',
        globalDays: 'XXX',
        teamSurgery: '9',
      }),
    ]);
    expect(factsOf(records, 'skip').map((s) => [s.locator, s.reason])).toEqual([
      ['line 9', '"Note: sample footnote" is not a procedure code'],
    ]);
  });

  it('reads simple one-line headers and XLSX', async () => {
    const header = [
      'HCPCS',
      'MOD',
      'STATUS CODE',
      'GLOB DAYS',
      'MULT PROC',
      'BILAT SURG',
      'ASST SURG',
      'CO-SURG',
      'TEAM SURG',
    ];
    const csv = [header.join(','), '64483,,A,000,2,1,1,0,0', '64483,XX9,A,,,,,,'].join('\n');
    const records = await collect(parseMpfsRvu(textFile('rvu.csv', csv), {}));
    expect(records[0]).toMatchObject({ code: '64483', bilateralSurgery: '1', coSurgeons: '0' });
    expect(records[1]).toEqual({
      kind: 'skip',
      reason: '"XX9" is not a modifier',
      locator: 'line 3',
    });
    const file = await workbookFile('rvu.xlsx', [
      header,
      ['64483', '', 'A', '000', '2', '1', '1', '0', '0'],
    ]);
    expect(await collect(parseMpfsRvu(file, {}))).toEqual([
      expect.objectContaining({ code: '64483', multipleProcedure: '2', locator: 'Sheet1 row 2' }),
    ]);
  });

  it('fails with PARSE_FAILED without the indicator columns', async () => {
    const error: unknown = await parseMpfsRvu(
      textFile('x.csv', 'HCPCS,MOD,WORK RVU\n62323,,1.0\n'),
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).code).toBe('PARSE_FAILED');
  });
});
