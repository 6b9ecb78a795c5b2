import { describe, expect, it } from 'vitest';
import { detectStructuredKind, detectStructuredKindFromRows } from './detect-structured.ts';
import {
  sampleAddOnCsv,
  sampleCodeTableCsv,
  sampleCoverageCsv,
  sampleGpciCsv,
  sampleHcpcsTxt,
  sampleMcdIndexCsv,
  sampleMueCsv,
  samplePtpTxt,
  sampleRvuCsv,
} from './structured-test-fixtures.ts';

describe('detectStructuredKind', () => {
  it.each([
    ['ccipra-v322r0-f1.txt', samplePtpTxt, 'ncci-ptp'],
    ['anything.txt', samplePtpTxt, 'ncci-ptp'],
    ['edits.csv', 'column_1,column_2,modifier_indicator\n62323,77003,1\n', 'ncci-ptp'],
    ['mue.csv', sampleMueCsv, 'ncci-mue'],
    ['HCPC2020_ANWEB.txt', sampleHcpcsTxt, 'hcpcs'],
    ['hcpcs.csv', 'HCPC,SEQNUM,RECID,LONG DESCRIPTION\n   A1,0010,7,Sample wording\n', 'hcpcs'],
    ['rvu.csv', sampleRvuCsv, 'mpfs-rvu'],
    ['aoc.csv', sampleAddOnCsv, 'add-on'],
    ['lcd.csv', sampleCoverageCsv, 'coverage'],
    ['GPCI2031.csv', sampleGpciCsv, 'gpci'],
    ['documents.csv', sampleMcdIndexCsv, 'mcd-index'],
    ['cpt.csv', sampleCodeTableCsv, 'code-table'],
    ['cpt.tsv', 'Code\tDescription\n62323\tSAMPLE wording\n', 'code-table'],
    [
      'headerless.csv',
      '62321,62320,,20170101,*,0,x\n62321,62322,,20170101,*,0,x\n62321,62324,,20170101,*,1,x\n',
      'ncci-ptp',
    ],
    ['empty-table.csv', 'CPT Code,Long Descriptor\n', 'code-table'],
  ])('%s -> %s', (fileName, head, kind) => {
    expect(detectStructuredKind(fileName, head)).toBe(kind);
  });

  it.each([
    [
      'notes.txt',
      'Epidural steroid injections: what the record must show.\nSecond line, with a comma.\n',
    ],
    [
      'gpci.csv',
      'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name\n10112,AL,00,ALABAMA\n',
    ],
    ['documents.csv', 'document_display_id,document_id,title\nL39242,39242,Sample title\n'],
    // Prose quoting a header line is not a table: no codes follow it.
    [
      'source.txt',
      'Columns: hcpcs_cpt_code, outpatient_hospital_mue_value, rationale\nThen 44 data rows follow.\n',
    ],
    ['README.md', 'column_1,column_2,modifier_indicator\n62323,77003,1\n'],
    [
      'order.txt',
      '00001 A00     0 Cholera                                                      Cholera\n',
    ],
    ['empty.csv', ''],
  ])('%s -> null', (fileName, head) => {
    expect(detectStructuredKind(fileName, head)).toBeNull();
  });

  it('tolerates a head cut inside a quoted field', () => {
    const head = `CPT Code,Long Descriptor\n62323,SAMPLE wording\n64483,"SAMPLE cut off in the mid`;
    expect(detectStructuredKind('cpt.csv', head)).toBe('code-table');
  });
});

describe('detectStructuredKindFromRows', () => {
  it('detects workbook rows', () => {
    expect(
      detectStructuredKindFromRows('mue.xlsx', [
        ['notice', '', ''],
        [
          'HCPCS/\nCPT Code',
          'Outpatient Hospital Services MUE Values',
          'MUE Adjudication Indicator',
        ],
        ['62323', '1', '3 Date of Service Edit: Clinical'],
      ]),
    ).toBe('ncci-mue');
    expect(
      detectStructuredKindFromRows('x.xlsx', [
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBeNull();
    expect(detectStructuredKindFromRows('x.xlsx', [])).toBeNull();
  });
});
