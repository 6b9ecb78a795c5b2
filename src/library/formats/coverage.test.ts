import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { parseCoverage } from './coverage.ts';
import {
  collect,
  factsOf,
  sampleCoverageCsv,
  textFile,
  workbookFile,
} from './structured-test-fixtures.ts';

describe('parseCoverage', () => {
  it('normalizes ICD-10-CM codes, splits lists and skips ranges with a reason', async () => {
    const records = await collect(parseCoverage(textFile('lcd.csv', sampleCoverageCsv), {}));
    expect(
      factsOf(records, 'coverage').map((f) => [
        f.policyId,
        f.procedureCode,
        f.icd10Code,
        f.locator,
      ]),
    ).toEqual([
      ['L39242', '62323', 'M54.16', 'line 2'],
      ['L39242', '62321', 'M54.16', 'line 3'],
      ['L39242', '62321', 'M54.17', 'line 3'],
      ['L39242', '62323', 'M54.16', 'line 3'],
      ['L39242', '62323', 'M54.17', 'line 3'],
    ]);
    expect(factsOf(records, 'skip').map((s) => [s.locator, s.reason])).toEqual([
      ['line 4', 'ICD-10-CM range "M54.10-M54.18" is not expanded'],
      ['line 4', 'no valid ICD-10-CM code'],
    ]);
  });

  it('accepts MCD-style headers and skips invalid codes', async () => {
    const csv = [
      'document_display_id,hcpcs_code,icd10_code',
      'A58745,64483,M54.16',
      'A58745,64483,XYZ',
      ',64483,M54.16',
    ].join('\n');
    const records = await collect(parseCoverage(textFile('article.csv', csv), {}));
    expect(records.map((r) => (r.kind === 'skip' ? r.reason : r.kind))).toEqual([
      'coverage',
      '"XYZ" is not an ICD-10-CM code',
      'no valid ICD-10-CM code',
      'no policy id',
    ]);
  });

  it('reads XLSX', async () => {
    const file = await workbookFile('lcd.xlsx', [
      ['Policy', 'CPT Code', 'Diagnosis Code'],
      ['L39242', '62323', 'm5416'],
    ]);
    expect(await collect(parseCoverage(file, {}))).toEqual([
      {
        kind: 'coverage',
        policyId: 'L39242',
        procedureCode: '62323',
        icd10Code: 'M54.16',
        locator: 'Sheet1 row 2',
      },
    ]);
  });

  it('fails with PARSE_FAILED on an index without code columns', async () => {
    const csv = 'document_display_id,title,effective_date\nL39242,Sample title,01/01/2025\n';
    const error: unknown = await parseCoverage(textFile('documents.csv', csv), {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodecardError);
  });
});
