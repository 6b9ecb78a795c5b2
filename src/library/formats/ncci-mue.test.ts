import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { adjudicationOf, parseNcciMue } from './ncci-mue.ts';
import {
  collect,
  factsOf,
  sampleMueCsv,
  textFile,
  workbookFile,
} from './structured-test-fixtures.ts';

describe('parseNcciMue', () => {
  it('reads the CMS CSV: Latin-1 notice record, header with a line break, text indicators', async () => {
    const parsed = await parseNcciMue(
      textFile('MCR_MUE_PractitionerServices_Eff_07-01-2026.csv', sampleMueCsv, 'latin1'),
      {},
    );
    expect(parsed.meta).toEqual({
      setting: 'practitioner',
      release: '2026-07-01',
      effectiveFrom: '2026-07-01',
      publisher: 'CMS',
    });
    expect([...parsed.records]).toEqual([
      {
        kind: 'mue',
        code: '62321',
        value: 1,
        adjudication: 2,
        rationale: 'Code Descriptor / CPT Instruction',
        locator: 'line 6',
      },
      {
        kind: 'mue',
        code: '64484',
        value: 4,
        adjudication: 3,
        rationale: 'Clinical: Data',
        locator: 'line 7',
      },
      {
        kind: 'mue',
        code: 'J1040',
        value: 10,
        adjudication: 1,
        rationale: 'Clinical: Data',
        locator: 'line 8',
      },
    ]);
  });

  it('reads simplified tables and skips bad rows with reasons', async () => {
    const csv = [
      'hcpcs_cpt_code,outpatient_hospital_mue_value,mue_adjudication_indicator,mue_rationale',
      '62323,1,3,Clinical: Data',
      '77003,1,,',
      ',,,',
      '6232,1,3,x',
      '62322,one,3,x',
      '62324,1,7,x',
    ].join('\n');
    const parsed = await parseNcciMue(
      textFile('MUE_OutpatientHospital_Eff_10-01-2026.csv', csv),
      {},
    );
    expect(parsed.meta.setting).toBe('hospital');
    expect(parsed.meta.effectiveFrom).toBe('2026-10-01');
    const records = [...parsed.records];
    expect(factsOf(records, 'mue')).toEqual([
      {
        kind: 'mue',
        code: '62323',
        value: 1,
        adjudication: 3,
        rationale: 'Clinical: Data',
        locator: 'line 2',
      },
      {
        kind: 'mue',
        code: '77003',
        value: 1,
        adjudication: null,
        rationale: null,
        locator: 'line 3',
      },
    ]);
    expect(factsOf(records, 'skip').map((skip) => skip.reason)).toEqual([
      'blank row',
      '"6232" is not a procedure code',
      'invalid MUE value "one"',
      'invalid MUE adjudication indicator "7"',
    ]);
  });

  it('takes the setting from options, then the value header, then the file name', async () => {
    const dme = 'HCPCS,DME Supplier Services MUE Values,MUE Adjudication Indicator\nE0100,1,1\n';
    expect((await parseNcciMue(textFile('mue.csv', dme), {})).meta.setting).toBe('dme');
    expect(
      (await parseNcciMue(textFile('mue.csv', dme), { setting: 'hospital' })).meta.setting,
    ).toBe('hospital');
    const generic = 'HCPCS Code,MUE Value\n62323,1\n';
    expect(
      (await parseNcciMue(textFile('MUE_OutpatientHospital.csv', generic), {})).meta.setting,
    ).toBe('hospital');
    expect((await parseNcciMue(textFile('mue.csv', generic), {})).meta.setting).toBeUndefined();
  });

  it('reads an XLSX table', async () => {
    const file = await workbookFile('mue.xlsx', [
      ['Notice'],
      [
        'HCPCS/\nCPT Code',
        'Practitioner Services MUE Values',
        'MUE Adjudication Indicator',
        'MUE Rationale',
      ],
      ['62323', 1, '3 Date of Service Edit: Clinical', 'Clinical: Data'],
    ]);
    expect(await collect(parseNcciMue(file, {}))).toEqual([
      expect.objectContaining({
        code: '62323',
        value: 1,
        adjudication: 3,
        locator: 'Sheet1 row 3',
      }),
    ]);
  });

  it('fails with PARSE_FAILED when no MUE header is found', async () => {
    const error: unknown = await parseNcciMue(textFile('x.csv', 'a,b\n1,2\n'), {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).code).toBe('PARSE_FAILED');
  });
});

describe('adjudicationOf', () => {
  it.each([
    ['1 Line Edit', 1],
    ['2 Date of Service Edit: Policy', 2],
    ['3 Date of Service Edit: Clinical', 3],
    ['3', 3],
    ['Line Edit', 1],
    ['Date of Service Edit: Policy', 2],
    ['date of service edit - clinical', 3],
    ['', null],
    ['12', undefined],
    ['maybe', undefined],
  ] as const)('%j -> %j', (text, expected) => {
    expect(adjudicationOf(text)).toBe(expected);
  });
});
