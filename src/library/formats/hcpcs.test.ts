import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { parseHcpcs } from './hcpcs.ts';
import { looksLikeHcpcsFixedWidth } from './hcpcs-fixed-width.ts';
import {
  collect,
  factsOf,
  hcpcsLine,
  hcpcsPreamble,
  sampleHcpcsTxt,
  textFile,
  workbookFile,
} from './structured-test-fixtures.ts';

describe('parseHcpcs: fixed-width TXT', () => {
  it('skips the preamble, joins continuation lines and keeps dates and attributes', async () => {
    const parsed = await parseHcpcs(
      textFile('HCPC2020_ANWEB_w_disclaimer.txt', sampleHcpcsTxt, 'latin1'),
      {},
    );
    expect(parsed.meta).toEqual({
      system: 'hcpcs',
      release: '2020',
      effectiveFrom: '2020-01-01',
      publisher: 'CMS',
    });
    const records = [...parsed.records];
    expect(records.filter((r) => r.kind !== 'descriptor')).toEqual([]);
    const facts = factsOf(records, 'descriptor');
    expect(facts.map((f) => [f.system, f.code, f.locator])).toEqual([
      ['modifier', 'A1', 'line 5'],
      ['modifier', 'RB', 'lines 6-7'],
      ['hcpcs', 'J1040', 'line 8'],
      ['hcpcs', 'G0260', 'lines 9-11'],
    ]);
    expect(facts[1]?.longDescription).toBe(
      'Sample modifier wording that runs long enough to need a second line of text of a repair',
    );
    expect(facts[2]).toEqual({
      kind: 'descriptor',
      system: 'hcpcs',
      code: 'J1040',
      longDescription: 'Injection, sample steroid acetate, 80 mg',
      shortDescription: 'Sample steroid 80 mg inj',
      effectiveFrom: '1982-01-01',
      effectiveTo: null,
      attributes: {
        sequenceNumber: '00100',
        coverageCode: 'D',
        betos: 'O1E',
        typeOfService: '1,P',
        addDate: '1982-01-01',
        actionEffectiveDate: '1997-01-01',
        actionCode: 'N',
      },
      locator: 'line 8',
    });
    expect(facts[3]).toMatchObject({
      longDescription:
        'Sample injection procedure for sacroiliac joint for arthrography; first line second line of the description third line',
      effectiveFrom: '2002-01-01',
      effectiveTo: '2025-12-31',
      attributes: { actionEffectiveDate: '2020-01-01', actionCode: 'D' },
    });
  });

  it('skips orphan continuations, bad codes and stray lines after the records start', async () => {
    const text = [
      ...hcpcsPreamble,
      hcpcsLine({ code: 'J1040', recordId: '4', long: 'orphan' }),
      hcpcsLine({
        code: 'A1',
        recordId: '3',
        long: 'A procedure record with a modifier-sized code',
        short: 'x',
      }),
      hcpcsLine({ code: 'A1', recordId: '7', long: 'Sample modifier', short: 'x' }),
      hcpcsLine({ code: 'A2', recordId: '8', long: 'continuation of another code' }),
      'stray text line',
      '',
    ].join('\n');
    const records = await collect(parseHcpcs(textFile('hcpcs.txt', text), {}));
    expect(factsOf(records, 'descriptor').map((f) => f.code)).toEqual(['A1']);
    expect(factsOf(records, 'skip').map((s) => [s.locator, s.reason])).toEqual([
      ['line 5', 'continuation of "J1040" without its first line'],
      ['line 6', '"A1" is not an HCPCS code'],
      ['line 8', 'continuation of "A2" without its first line'],
      ['line 9', 'not an HCPCS record'],
    ]);
  });

  it('recognizes the layout only with full-width main records', () => {
    expect(looksLikeHcpcsFixedWidth(sampleHcpcsTxt)).toBe(true);
    expect(looksLikeHcpcsFixedWidth('J1040001003 short\nJ1041001003 short\n')).toBe(false);
  });
});

const csvHeader =
  'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,PRICE1,PRICE2,COV,BETOS,TOS1,TOS2,ADD DT,ACT EFF DT,TERM DT,ACTION CD';

describe('parseHcpcs: CSV and XLSX releases', () => {
  it('reads the header release, joining continuation rows of the same code', async () => {
    const csv = [
      csvHeader,
      '   A1,0010,7,Sample modifier wording,Sample modifier,,,C,,,,20020701,20020701,,N',
      'G0260,0010,3,"Sample injection procedure, first part",Sample inj,11,13,C,P4A,1,F,20020101,20200101,20251231,D',
      'G0260,0020,4,and its second part,,,,,,,,,,,',
      ',,,,,,,,,,,,,,',
    ].join('\n');
    const parsed = await parseHcpcs(textFile('HCPC2026_OCT_ANWEB.csv', csv), {});
    expect(parsed.meta).toMatchObject({ release: 'October 2026', effectiveFrom: '2026-10-01' });
    const records = [...parsed.records];
    expect(factsOf(records, 'skip')).toEqual([
      { kind: 'skip', reason: 'blank row', locator: 'line 5' },
    ]);
    expect(factsOf(records, 'descriptor')).toEqual([
      expect.objectContaining({
        system: 'modifier',
        code: 'A1',
        longDescription: 'Sample modifier wording',
        locator: 'line 2',
      }),
      {
        kind: 'descriptor',
        system: 'hcpcs',
        code: 'G0260',
        longDescription: 'Sample injection procedure, first part and its second part',
        shortDescription: 'Sample inj',
        effectiveFrom: '2002-01-01',
        effectiveTo: '2025-12-31',
        attributes: {
          sequenceNumber: '0010',
          pricingIndicator: '11,13',
          coverageCode: 'C',
          betos: 'P4A',
          typeOfService: '1,F',
          addDate: '2002-01-01',
          actionEffectiveDate: '2020-01-01',
          actionCode: 'D',
        },
        locator: 'lines 3-4',
      },
    ]);
  });

  it('reads snake-case headers (the mechanical CSV conversion)', async () => {
    const csv = [
      'hcpcs,seqnum,recid,long_description,short_description,price_ind1,mult_pi,coverage,act_eff_dt,term_dt,action_cd',
      'J1040,00100,3,"Injection, sample steroid, 80 mg",Sample 80 mg inj,51,A,D,19970101,,N',
    ].join('\n');
    const facts = factsOf(
      await collect(parseHcpcs(textFile('hcpcs_2020_level2.csv', csv), {})),
      'descriptor',
    );
    expect(facts).toEqual([
      expect.objectContaining({
        code: 'J1040',
        // No add date in this file: the action effective date does not stand in for it.
        effectiveFrom: null,
        attributes: {
          sequenceNumber: '00100',
          pricingIndicator: '51',
          multiplePricingIndicator: 'A',
          coverageCode: 'D',
          actionEffectiveDate: '1997-01-01',
          actionCode: 'N',
        },
      }),
    ]);
  });

  it('reads the XLSX release', async () => {
    const file = await workbookFile('HCPC2026_OCT_ANWEB.xlsx', [
      csvHeader.split(','),
      [
        '   JG',
        '0010',
        '7',
        'Sample modifier wording',
        'Sample',
        '',
        '',
        'C',
        '',
        '',
        '',
        '20180101',
        '20250101',
        '20241231',
        'N',
      ],
    ]);
    const facts = factsOf(await collect(parseHcpcs(file, {})), 'descriptor');
    expect(facts).toEqual([
      expect.objectContaining({
        system: 'modifier',
        code: 'JG',
        // ADD DT 20180101, ACT EFF DT 20250101, TERM DT 20241231: valid 2018-01-01 to 2024-12-31.
        effectiveFrom: '2018-01-01',
        effectiveTo: '2024-12-31',
        locator: 'Sheet1 row 2',
      }),
    ]);
  });

  it('fails with PARSE_FAILED on a table that is not an HCPCS release', async () => {
    const error: unknown = await parseHcpcs(
      textFile('x.csv', 'code,description\nJ1040,x\n'),
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).code).toBe('PARSE_FAILED');
  });
});
