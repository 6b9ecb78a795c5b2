import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { isCodeHeader, parseCodeTable } from './code-table.ts';
import { headerName } from './header-match.ts';
import {
  collect,
  factsOf,
  sampleCodeTableCsv,
  textFile,
  workbookFile,
} from './structured-test-fixtures.ts';

// All descriptor wording here is invented sample text, never AMA CPT descriptors.
describe('parseCodeTable', () => {
  it('maps long, medium, short and consumer descriptors by loose header names', async () => {
    const parsed = await parseCodeTable(textFile('cpt-2026.csv', sampleCodeTableCsv), {});
    expect(parsed.meta).toEqual({ system: 'cpt' });
    expect([...parsed.records]).toEqual([
      {
        kind: 'descriptor',
        system: 'cpt',
        code: '62323',
        longDescription: 'SAMPLE: injection procedure, lumbar (sample wording, not AMA text)',
        mediumDescription: 'SAMPLE medium wording',
        shortDescription: 'SAMPLE short',
        consumerDescription: 'SAMPLE: a shot in the lower back (sample wording)',
        attributes: { 'concept id': '1001' },
        locator: 'line 2',
      },
      {
        kind: 'descriptor',
        system: 'cpt',
        code: '0591T',
        longDescription: 'SAMPLE: category III sample wording (not AMA text)',
        mediumDescription: null,
        shortDescription: null,
        consumerDescription: null,
        attributes: { 'concept id': '1002' },
        locator: 'line 3',
      },
    ]);
  });

  it('uses options.columnMap for headers it would not guess', async () => {
    const csv = [
      'Proc,Text A,Text B,Lay',
      '62323,SAMPLE long wording,SAMPLE short wording,SAMPLE lay wording',
    ].join('\n');
    const facts = factsOf(
      await collect(
        parseCodeTable(textFile('t.csv', csv), {
          columnMap: { code: 'Proc', long: 'Text A', short: 'Text B' },
        }),
      ),
      'descriptor',
    );
    expect(facts).toEqual([
      expect.objectContaining({
        code: '62323',
        longDescription: 'SAMPLE long wording',
        shortDescription: 'SAMPLE short wording',
        consumerDescription: 'SAMPLE lay wording',
      }),
    ]);
    const missing: unknown = await parseCodeTable(textFile('t.csv', csv), {
      columnMap: { code: 'Code' },
    }).catch((e: unknown) => e);
    expect((missing as CodecardError).code).toBe('PARSE_FAILED');
  });

  it('normalizes codes for options.system and skips rows that do not fit', async () => {
    const csv = [
      'HCPCS Code,Description',
      'j1040,SAMPLE drug wording',
      '12,SAMPLE',
      ',',
      '62323,',
    ].join('\n');
    const records = await collect(parseCodeTable(textFile('h.csv', csv), { system: 'hcpcs' }));
    expect(factsOf(records, 'descriptor')).toEqual([
      expect.objectContaining({
        system: 'hcpcs',
        code: 'J1040',
        longDescription: 'SAMPLE drug wording',
      }),
    ]);
    expect(factsOf(records, 'skip').map((s) => s.reason)).toEqual([
      '"12" is not a hcpcs code',
      'blank row',
      '62323 has no descriptor',
    ]);
    const icd = await collect(
      parseCodeTable(textFile('i.csv', 'Code,Description\nM5416,SAMPLE wording\n'), {
        system: 'icd10cm',
      }),
    );
    expect(icd).toEqual([expect.objectContaining({ system: 'icd10cm', code: 'M54.16' })]);
  });

  it('reads XLSX', async () => {
    const file = await workbookFile('codes.xlsx', [
      ['Code', 'Short Descriptor'],
      ['99213', 'SAMPLE office visit wording'],
    ]);
    expect(await collect(parseCodeTable(file, {}))).toEqual([
      expect.objectContaining({
        code: '99213',
        longDescription: 'SAMPLE office visit wording',
        locator: 'Sheet1 row 2',
      }),
    ]);
  });

  it('fails with PARSE_FAILED without a code and a description column', async () => {
    const error: unknown = await parseCodeTable(textFile('x.csv', 'a,b\n1,2\n'), {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodecardError);
  });
});

describe('isCodeHeader', () => {
  it.each([
    ['code', true],
    ['CPT Code', true],
    ['HCPCS', true],
    ['CPT/HCPCS Code', true],
    ['procedure_code', true],
    ['ICD-10-CM Code', true],
    ['Status Code', false],
    ['Concept Id', false],
    ['Description', false],
    ['10', false],
    ['codes', true],
  ])('%j -> %j', (header, expected) => {
    expect(isCodeHeader(headerName(header))).toBe(expected);
  });
});

describe('parseCodeTable release dates', () => {
  it('takes the effective date from a file name that carries one, unless given', async () => {
    const table = 'Code,Long Descriptor\n99990,SAMPLE wording\n';
    const named = await parseCodeTable(textFile('sample-table_Eff_01-01-2026.csv', table), {});
    expect(named.meta.effectiveFrom).toBe('2026-01-01');
    const given = await parseCodeTable(textFile('sample-table_Eff_01-01-2026.csv', table), {
      effective: '2026-04-01',
    });
    expect(given.meta.effectiveFrom).toBe('2026-04-01');
    const plain = await parseCodeTable(textFile('sample-table.csv', table), {});
    expect(plain.meta.effectiveFrom).toBeUndefined();
  });
});
