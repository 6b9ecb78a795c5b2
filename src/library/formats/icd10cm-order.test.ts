import { describe, expect, it } from 'vitest';
import type { ImportOptions } from '../import-kind.ts';
import type { DescriptorFact, ParsedRecord } from './fact-record.ts';
import { parseIcd10cmOrder } from './icd10cm-order.ts';
import { orderLine, sampleOrderText } from './icd10cm-test-fixtures.ts';
import { codecardFailure } from '../../../test/support/codecard-failure.ts';

const sample = sampleOrderText;

async function parse(
  text: string,
  fileName = 'icd10cm_order_2021.txt',
  options: ImportOptions = {},
) {
  const parsed = await parseIcd10cmOrder({ fileName, bytes: Buffer.from(text, 'latin1') }, options);
  return { meta: parsed.meta, records: [...parsed.records] };
}

const descriptors = (records: ParsedRecord[]) =>
  records.filter((r): r is DescriptorFact => r.kind === 'descriptor');

describe('parseIcd10cmOrder', () => {
  it('reads header and billable lines with CRLF endings', async () => {
    const { records } = await parse(`${sample}\r\n`);
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual({
      kind: 'descriptor',
      system: 'icd10cm',
      code: 'M54',
      longDescription: 'Dorsalgia',
      shortDescription: 'Dorsalgia',
      billable: false,
      attributes: { order: '00001' },
      locator: 'line 1',
    });
    expect(records[2]).toMatchObject({
      code: 'M54.16',
      billable: true,
      longDescription: 'Radiculopathy, lumbar region',
      locator: 'line 3',
    });
    expect(records[4]).toMatchObject({
      code: 'S52.521A',
      shortDescription: 'Torus fx lower end of right radius, init for clos fx',
      longDescription:
        'Torus fracture of lower end of right radius, initial encounter for closed fracture',
    });
    expect(records[5]).toMatchObject({ code: 'U07.1', billable: true });
  });

  it('reads LF endings and a file without a final newline alike', async () => {
    const lf = await parse(sample.replaceAll('\r\n', '\n'));
    const crlf = await parse(sample);
    expect(lf.records).toEqual(crlf.records);
  });

  it('counts lines for locators even past blank lines', async () => {
    const { records } = await parse(
      `${orderLine(1, 'A00', '0', 'Cholera')}\n\n${orderLine(2, 'A000', '1', 'Cholera due to Vibrio')}\n`,
    );
    expect(records.map((r) => r.locator)).toEqual(['line 1', 'line 3']);
  });

  it('skips malformed lines with a reason and keeps the good ones', async () => {
    const lines = [
      orderLine(1, 'A00', '0', 'Cholera'),
      'too short',
      orderLine(3, 'A001', '2', 'Bad flag'),
      orderLine(4, 'a001', '1', 'Lower-case code'),
      orderLine(5, '1234', '1', 'Code starts with a digit'),
      `ABCDE ${'A002'.padEnd(7)} 1 ${'Order not digits'.padEnd(60)} Order not digits`,
      `00007 ${'A003'.padEnd(7)} 1 ${'No long'.padEnd(60)}`,
      orderLine(8, 'A009', '1', 'Cholera, unspecified'),
    ];
    const { records } = await parse(lines.join('\r\n'));
    expect(descriptors(records).map((r) => r.code)).toEqual(['A00', 'A00.9']);
    const skips = records.filter((r) => r.kind === 'skip');
    expect(skips.map((r) => r.locator)).toEqual([
      'line 2',
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
    ]);
    expect(skips[1]).toMatchObject({
      reason: expect.stringContaining('flag must be 0 or 1') as string,
    });
    expect(skips[0]).toMatchObject({ reason: expect.stringContaining('too short') as string });
  });

  it('fails when no line has the layout', async () => {
    const error = await codecardFailure(
      parse('code,description\nM5416,Radiculopathy\n', 'codes.csv'),
    );
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(
      /^codes\.csv: no line has the ICD-10-CM order-file layout \(line 1: /,
    );
  });

  it('refuses an empty file and binary data as CodecardErrors', async () => {
    expect((await codecardFailure(parse(''))).code).toBe('EMPTY_FILE');
    const binary = parseIcd10cmOrder({ fileName: 'x.bin', bytes: Buffer.from([1, 0, 2]) }, {});
    expect((await codecardFailure(binary)).code).toBe('BAD_ENCODING');
  });

  describe('release from the file name', () => {
    it('a CMS name is the fiscal year, in effect from the October before', async () => {
      const { meta } = await parse(sample, 'icd10cm_order_2026.txt');
      expect(meta).toMatchObject({
        system: 'icd10cm',
        publisher: 'CDC/NCHS and CMS',
        release: 'FY2026',
        effectiveFrom: '2025-10-01',
      });
    });

    it('Jan-2021 is the January update of FY2021, still in effect from 2020-10-01', async () => {
      const { meta } = await parse(sample, 'icd10cm-order-Jan-2021.txt');
      expect(meta).toMatchObject({ release: 'FY2021 January update', effectiveFrom: '2020-10-01' });
    });

    it('an April update is in effect from April 1', async () => {
      const { meta } = await parse(sample, 'icd10cm_order_april_2026.txt');
      expect(meta).toMatchObject({ release: 'FY2026 April update', effectiveFrom: '2026-04-01' });
    });

    it('no year in the name: no release and no effective date', async () => {
      const { meta } = await parse(sample, 'order.txt');
      expect(meta.release).toBeUndefined();
      expect(meta.effectiveFrom).toBeUndefined();
    });

    it('options.effective overrides the name', async () => {
      const { meta } = await parse(sample, 'icd10cm_order_2026.txt', { effective: '2026-01-15' });
      expect(meta).toMatchObject({ release: 'FY2026', effectiveFrom: '2026-01-15' });
      const unnamed = await parse(sample, 'order.txt', { effective: '2026-01-15' });
      expect(unnamed.meta.effectiveFrom).toBe('2026-01-15');
    });
  });
});
