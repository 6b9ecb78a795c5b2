import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { parseAddOn } from './add-on.ts';
import {
  collect,
  factsOf,
  sampleAddOnCsv,
  textFile,
  workbookFile,
} from './structured-test-fixtures.ts';

describe('parseAddOn', () => {
  it('reads CMS-style columns and splits primary cells listing several codes', async () => {
    const records = await collect(parseAddOn(textFile('aoc.csv', sampleAddOnCsv), {}));
    expect(factsOf(records, 'addon').map((f) => [f.addOnCode, f.primaryCode, f.locator])).toEqual([
      ['64480', '64479', 'line 2'],
      ['64484', '64483', 'line 3'],
      ['64484', '64480', 'line 3'],
      ['64484', '64479', 'line 3'],
    ]);
  });

  it('skips ranges, placeholders and rows without codes', async () => {
    const csv = [
      'addon_code,primary_code',
      '22552,22551-22554',
      '99292,CCCCC',
      '22552,',
      'x,22551',
      ',',
    ].join('\n');
    const records = await collect(parseAddOn(textFile('aoc.csv', csv), {}));
    expect(records.map((r) => (r.kind === 'skip' ? r.reason : r.kind))).toEqual([
      'primary code range "22551-22554" is not expanded',
      'primary code "CCCCC" is not a procedure code',
      '22552 has no primary code',
      'add-on code "x" is not a procedure code',
      'blank row',
    ]);
  });

  it('reads XLSX', async () => {
    const file = await workbookFile('aoc.xlsx', [
      ['AOC', 'Primary Code'],
      ['64480', '64479'],
    ]);
    expect(await collect(parseAddOn(file, {}))).toEqual([
      { kind: 'addon', addOnCode: '64480', primaryCode: '64479', locator: 'Sheet1 row 2' },
    ]);
  });

  it('fails with PARSE_FAILED without add-on and primary columns', async () => {
    const error: unknown = await parseAddOn(textFile('x.csv', 'code,other\n1,2\n'), {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodecardError);
  });
});
