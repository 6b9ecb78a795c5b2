import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { headerName } from './header-match.ts';
import { matchPtpHeader } from './ncci-ptp-columns.ts';
import { parseNcciPtp } from './ncci-ptp.ts';
import {
  collect,
  factsOf,
  ptpTxtHeader,
  samplePtpTxt,
  textFile,
  workbookFile,
} from './structured-test-fixtures.ts';

describe('parseNcciPtp: CMS TXT layout', () => {
  it('reads the rows after the wrapped header with dates, flags and rationale', async () => {
    const parsed = await parseNcciPtp(textFile('ccipra-v322r0-f1.TXT', samplePtpTxt, 'latin1'), {});
    expect(parsed.meta).toEqual({
      setting: 'practitioner',
      release: 'v32.2',
      effectiveFrom: '2026-07-01',
      title: 'Column1/Column2 Edits',
      publisher: 'CMS',
    });
    const records = [...parsed.records];
    expect(records).toEqual([
      {
        kind: 'ptp',
        column1: '62321',
        column2: '62320',
        prior1996: false,
        effectiveFrom: '2017-01-01',
        deletionDate: null,
        modifierIndicator: 0,
        rationale: 'Mutually exclusive procedures',
        locator: 'line 7',
      },
      {
        kind: 'ptp',
        column1: '62323',
        column2: '77003',
        prior1996: true,
        effectiveFrom: '1996-01-01',
        deletionDate: '2023-12-31',
        modifierIndicator: 1,
        rationale: 'Standards of medical/surgical practice',
        locator: 'line 8',
      },
      {
        kind: 'ptp',
        column1: '64483',
        column2: '77003',
        prior1996: false,
        effectiveFrom: '2020-01-01',
        deletionDate: null,
        modifierIndicator: 9,
        rationale: 'CPT Manual or CMS manual coding instruction',
        locator: 'line 9',
      },
    ]);
    // records is re-iterable: a second pass streams the same rows again.
    expect([...parsed.records]).toEqual(records);
  });

  it('skips bad rows with a reason and keeps going', async () => {
    const text = [
      ...ptpTxtHeader,
      '62321\t62320\t\t20170101\t*\t0\tMutually exclusive procedures',
      '',
      '62321\t6232\t\t20170101\t*\t0\tx',
      '62321\t62322\t\t20170101\t*\t5\tx',
      '62321\t62324\t\t20171301\t*\t1\tx',
      '62321\t62325\t\t20170101\t2017\t1\tx',
      '62321\t62326\t?\t20170101\t*\t1\tx',
      '62321\t62327',
      'trailing note',
    ].join('\r\n');
    const records = await collect(parseNcciPtp(textFile('ccioph-v323r0-f1.txt', text), {}));
    expect(factsOf(records, 'ptp')).toHaveLength(1);
    expect(factsOf(records, 'skip').map((skip) => [skip.locator, skip.reason])).toEqual([
      ['line 8', 'blank row'],
      ['line 9', 'column 2 "6232" is not a procedure code'],
      ['line 10', 'invalid modifier indicator "5"'],
      ['line 11', 'invalid effective date "20171301"'],
      ['line 12', 'invalid deletion date "2017"'],
      ['line 13', 'invalid prior-1996 flag "?"'],
      ['line 14', 'invalid modifier indicator ""'],
      ['line 15', 'column 1 "trailing note" is not a procedure code'],
    ]);
  });

  it('takes the setting from options first, then from the file name', async () => {
    const hospital = await parseNcciPtp(textFile('ccioph-v323r0-f2.txt', samplePtpTxt), {});
    expect(hospital.meta.setting).toBe('hospital');
    expect(hospital.meta.release).toBe('v32.3');
    const forced = await parseNcciPtp(textFile('ccioph-v323r0-f2.txt', samplePtpTxt), {
      setting: 'practitioner',
    });
    expect(forced.meta.setting).toBe('practitioner');
    const unknown = await parseNcciPtp(textFile('edits.txt', samplePtpTxt), {});
    expect(unknown.meta.setting).toBeUndefined();
    expect(unknown.meta.release).toBeUndefined();
  });
});

describe('parseNcciPtp: CSV and XLSX', () => {
  it('reads the one-line-header CSV copy of the CMS layout', async () => {
    const csv = [
      'column_1,column_2,in_existence_prior_1996,effective_date,deletion_date,modifier_indicator,ptp_edit_rationale',
      '0001A,0591T,,20220101,20231231,1,CPT Manual or CMS manual coding instruction',
      '0001A,90473,*,20220101,*,9,Misuse of Column Two code with Column One code',
    ].join('\r\n');
    const records = factsOf(
      await collect(parseNcciPtp(textFile('ccipra-v322r0-f1.csv', csv), {})),
      'ptp',
    );
    expect(
      records.map((r) => [r.column2, r.prior1996, r.deletionDate, r.modifierIndicator, r.locator]),
    ).toEqual([
      ['0591T', false, '2023-12-31', 1, 'line 2'],
      ['90473', true, null, 9, 'line 3'],
    ]);
  });

  it('matches loose headers in any column order, without dates', async () => {
    const csv = [
      'Modifier Indicator,Column One Code,Column Two Code',
      '1,62323,77003',
      '0,62323,62284',
    ].join('\n');
    const records = factsOf(await collect(parseNcciPtp(textFile('subset.csv', csv), {})), 'ptp');
    expect(records).toEqual([
      expect.objectContaining({
        column1: '62323',
        column2: '77003',
        modifierIndicator: 1,
        effectiveFrom: null,
        rationale: null,
      }),
      expect.objectContaining({
        column1: '62323',
        column2: '62284',
        modifierIndicator: 0,
        prior1996: false,
      }),
    ]);
  });

  it('reads headerless rows in the CMS column order', async () => {
    const csv = '62321,62320,,20170101,*,0,Mutually exclusive procedures\n';
    const records = factsOf(await collect(parseNcciPtp(textFile('ptp.csv', csv), {})), 'ptp');
    expect(records).toHaveLength(1);
    expect(records[0]?.locator).toBe('line 1');
  });

  it('reads an XLSX copy, citing sheet rows', async () => {
    const file = await workbookFile('ccipra-v322r0.xlsx', [
      [
        'Column 1',
        'Column 2',
        'Prior 1996',
        'Effective Date',
        'Deletion Date',
        'Modifier',
        'Rationale',
      ],
      [
        '62321',
        '62320',
        '',
        new Date(Date.UTC(2017, 0, 1)),
        '*',
        0,
        'Mutually exclusive procedures',
      ],
    ]);
    const parsed = await parseNcciPtp(file, {});
    expect([...parsed.records]).toEqual([
      expect.objectContaining({
        column1: '62321',
        effectiveFrom: '2017-01-01',
        modifierIndicator: 0,
        locator: 'Sheet1 row 2',
      }),
    ]);
    expect(parsed.meta.setting).toBe('practitioner');
  });

  it('fails with PARSE_FAILED when the file is not a PTP table', async () => {
    const error: unknown = await parseNcciPtp(
      textFile('notes.csv', 'name,value\nfoo,bar\n'),
      {},
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).code).toBe('PARSE_FAILED');
    expect((error as CodecardError).message).toContain('notes.csv');
  });
});

describe('matchPtpHeader', () => {
  it.each([
    [['col1', 'col2', 'mod'], { column1: 0, column2: 1, modifier: 2 }],
    [['Column 2', 'Column 1', 'modifier_indicator'], { column1: 1, column2: 0, modifier: 2 }],
    [['Comprehensive Code', 'Component Code', 'Modifier'], { column1: 0, column2: 1, modifier: 2 }],
  ])('%j', (header, expected) => {
    expect(matchPtpHeader(header.map(headerName))).toMatchObject(expected);
  });

  it('does not take a title naming both columns for either', () => {
    expect(matchPtpHeader(['Column1/Column2 Edits'].map(headerName))).toBeNull();
  });
});
