import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { errorOf, expectOnlyCodecardErrors } from './claim-test-helpers.ts';
import { detectClaimFormat, readClaims } from './claim-input.ts';

const isa =
  'ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *240115*1200*^*00501*000000001*0*T*:~';
const x12 = [
  isa,
  'GS*HC*TESTSUBMITTER*TESTRECEIVER*20240115*1200*1*X*005010X222A1~',
  'ST*837*0001*005010X222A1~',
  'HL*1**20*1~',
  'CLM*X1*100***11:B:1*Y*A*Y*Y~',
  'HI*ABK:J069~',
  'LX*1~',
  'SV1*HC:99213*100*UN*1***1~',
  'DTP*472*D8*20240110~',
  'SE*8*0001~',
  'GE*1*1~',
  'IEA*1*000000001~',
].join('\n');
const json =
  '{\n  "claims": [\n    {"id": "J1", "dateOfService": "2024-01-10", "lines": [{"code": "99213"}]}\n  ]\n}';
const ndjson =
  '{"id":"N1","dateOfService":"2024-01-10","lines":[{"code":"99213"}]}\n{"id":"N2","dateOfService":"2024-01-10","lines":[{"code":"99214"}]}\n';
const csv = 'claim,code,dos\nC1,99213,2024-01-10\n';

describe('readClaims', () => {
  test.each([
    ['x12', x12, 'X1'],
    ['json', json, 'J1'],
    ['ndjson', ndjson, 'N1'],
    ['csv', csv, 'C1'],
  ])('detects %s from the content and reads it', (format, text, firstId) => {
    expect(detectClaimFormat(`\n  ${text}`)).toBe(format);
    expect(readClaims(Buffer.from(text), 'claims.txt')[0]?.id).toBe(firstId);
  });

  test('a single-line JSON object is read as JSON; a broken pretty-printed one reports JSON errors', () => {
    expect(detectClaimFormat('{"id":"A","lines":[]}')).toBe('json');
    expect(detectClaimFormat('{\n "id": \n')).toBe('json');
    expect(detectClaimFormat('[{"id":"A"}]')).toBe('json');
  });

  test('--setting overrides every claim, including a setting the file states', () => {
    const text =
      '{"id":"A","setting":"practitioner","dateOfService":"2024-01-10","lines":[{"code":"1"}]}';
    expect(readClaims(Buffer.from(text), 'a.json', { setting: 'hospital' })[0]?.setting).toBe(
      'hospital',
    );
    expect(readClaims(Buffer.from(x12), 'a.837', { setting: 'dme' })[0]?.setting).toBe('dme');
  });

  test('an explicit format skips detection', () => {
    expect(() => readClaims(Buffer.from(csv), 'a.csv', { format: 'json' })).toThrow(
      /not valid JSON/,
    );
  });

  test('decodes BOMs and Windows-1252 text; empty files are EMPTY_FILE', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]);
    expect(readClaims(withBom, 'a.csv')).toHaveLength(1);
    const latin = Buffer.from(
      'claim,code,dos,provider\nC1,99213,2024-01-10,Dr M\xfcller\n',
      'latin1',
    );
    expect(readClaims(latin, 'a.csv')[0]?.lines[0]?.provider).toBe('Dr Müller');
    expect(errorOf(() => readClaims(Buffer.from(' \n'), 'e.csv')).code).toBe('EMPTY_FILE');
  });

  test('property: any bytes only ever throw CodecardError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        expectOnlyCodecardErrors(() => readClaims(Buffer.from(bytes), 'r.bin')),
      ),
    );
    fc.assert(
      fc.property(fc.string(), (text) =>
        expectOnlyCodecardErrors(() => readClaims(Buffer.from(text), 'r.txt')),
      ),
    );
  });
});
