import { describe, expect, test } from 'vitest';
import { errorOf } from './claim-test-helpers.ts';
import { parseCsvClaims } from './csv-claims.ts';
import { claimsFromJsonValue, parseJsonClaims } from './json-claims.ts';
import { jsonNestedDeeperThan } from './json-nesting.ts';
import { parseNdjsonClaims } from './ndjson-claims.ts';
import { parseX12Claims } from './x12/x12-837.ts';

const jsonClaim = (units: string, id = '"A"', provider = '"P1"') =>
  `[{"id":${id},"provider":${provider},"dateOfService":"2024-01-01","lines":[{"code":"99213","units":${units}}]}]`;

describe('numbers a claim file or request gives', () => {
  test.each(['1e400', '-1e400', '-0', '0', '1.5', '1e5', '99999999999999999999'])(
    'JSON units %s: BAD_INPUT naming units',
    (units) => {
      const error = errorOf(() => parseJsonClaims(jsonClaim(units), 'claims.json'));
      expect(error.code).toBe('BAD_INPUT');
      expect(error.message).toMatch(/line 1: units must be a whole number from 1 to 9999, got /);
    },
  );

  test('1e400 is reported as Infinity, not as null, and does not become 1', () => {
    expect(errorOf(() => parseJsonClaims(jsonClaim('1e400'), 'c.json')).message).toMatch(
      /got Infinity$/,
    );
    // A request body arrives parsed: the value is Infinity, and it must not pass as "no units".
    const body: unknown = JSON.parse(jsonClaim('1e400'));
    expect(errorOf(() => claimsFromJsonValue(body, 'request body')).message).toMatch(
      /units must be a whole number .* got Infinity/,
    );
    expect(errorOf(() => claimsFromJsonValue(JSON.parse(jsonClaim('-0')), 'b')).message).toMatch(
      /got -0$/,
    );
    expect(
      errorOf(() =>
        claimsFromJsonValue(
          [{ id: 'A', dateOfService: '2024-01-01', lines: [{ code: '99213', units: NaN }] }],
          'b',
        ),
      ).message,
    ).toMatch(/got NaN$/);
  });

  test.each([
    ['1e400', 'id'],
    ['-0', 'id'],
    ['1.5', 'id'],
    ['1e21', 'id'],
  ])('a numeric claim id %s is refused', (id) => {
    expect(errorOf(() => parseJsonClaims(jsonClaim('1', id), 'c.json')).message).toMatch(
      /needs an "id" \(a non-empty string or a whole number\)/,
    );
  });

  test.each(['1e400', '-0', '-5', '2.5', '1e21'])('a numeric provider %s is refused', (npi) => {
    expect(errorOf(() => parseJsonClaims(jsonClaim('1', '"A"', npi), 'c.json')).message).toMatch(
      /provider must be a string or a whole number/,
    );
  });

  test('whole numbers still read as before', () => {
    const [claim] = parseJsonClaims(jsonClaim('2.0', '17', '1234567893'), 'c.json');
    expect(claim).toMatchObject({ id: '17', lines: [{ units: 2, provider: '1234567893' }] });
  });

  test.each(['1e400', '-0', 'NaN', 'Infinity', '0x10', '1.5', '99999999999999999999'])(
    'CSV units %s: BAD_INPUT naming units and row',
    (units) => {
      const csv = `claim,code,dos,units\nA,99213,2024-01-01,${units}`;
      expect(errorOf(() => parseCsvClaims(csv, 'c.csv')).message).toMatch(
        /row 2: units must be a whole number/,
      );
    },
  );

  test.each(['99999999999999999999', '0', '-0'])('CSV line number %s is refused', (line) => {
    const csv = `claim,line,code,dos\nA,${line},99213,2024-01-01`;
    expect(errorOf(() => parseCsvClaims(csv, 'c.csv')).message).toMatch(
      /line number must be a whole number from 1/,
    );
  });

  test.each(['1E400', '-0', 'NaN', '1.5', '99999999999999999999'])(
    'X12 SV104 units %s: 400 naming units (PARSE_FAILED with the segment, like every X12 error)',
    (units) => {
      const error = errorOf(() => parseX12Claims(x12WithUnits(units), 'c.837'));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/units must be a whole number/);
    },
  );
});

describe('deeply nested JSON claims', () => {
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  test('the scan counts nesting without recursion, ignoring brackets in strings', () => {
    expect(jsonNestedDeeperThan(deep(64), 64)).toBe(false);
    expect(jsonNestedDeeperThan(deep(65), 64)).toBe(true);
    expect(jsonNestedDeeperThan(`["${'['.repeat(500)}\\""]`, 64)).toBe(false);
    expect(jsonNestedDeeperThan(deep(1_000_000), 64)).toBe(true);
  });

  test('a JSON claim file or NDJSON line nested 100,000 deep is BAD_INPUT, not a crash', () => {
    const nested = `{"claims":${deep(100_000)}}`;
    expect(errorOf(() => parseJsonClaims(nested, 'c.json')).message).toBe(
      'c.json: JSON nested deeper than 64 levels',
    );
    expect(errorOf(() => parseNdjsonClaims(`${nested}\n`, 'c.ndjson')).message).toBe(
      'c.ndjson: line 1: JSON nested deeper than 64 levels',
    );
  });
});

const isa =
  'ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *240115*1200*^*00501*000000001*0*T*:~';

/** A one-claim 837P whose one line has the given SV104 units (made-up parties). */
function x12WithUnits(units: string): string {
  const transaction = [
    'ST*837*0001*005010X222A1',
    'BHT*0019*00*0123*20240115*1200*CH',
    'NM1*41*2*TEST BILLING SERVICE*****46*TB0001',
    'NM1*40*2*TEST PAYER*****46*PAYER01',
    'HL*1**20*1',
    'NM1*85*2*EXAMPLE CLINIC*****XX*1234567893',
    'HL*2*1*22*0',
    'SBR*P*18*******CI',
    'NM1*IL*1*DOE*JANE****MI*TEST000001',
    'CLM*PCN001*150***11:B:1*Y*A*Y*Y',
    'HI*ABK:M5416',
    'LX*1',
    `SV1*HC:99213*100*UN*${units}***1`,
    'DTP*472*D8*20240110',
  ];
  const segments = [
    'GS*HC*TESTSUBMITTER*TESTRECEIVER*20240115*1200*1*X*005010X222A1',
    ...transaction,
    `SE*${transaction.length + 1}*0001`,
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return `${isa}\n${segments.map((segment) => `${segment}~`).join('\n')}\n`;
}
