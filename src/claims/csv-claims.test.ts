import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { errorOf, expectOnlyCodecardErrors, mutate, mutations } from './claim-test-helpers.ts';
import { parseCsvClaims } from './csv-claims.ts';

const sample = [
  'Claim ID,Line Number,DOS,CPT,Modifier,Qty,DX,Setting,NPI,Notes',
  'C1,2,2024-01-10,97110,GP|59,2,,,1111111112,second line first',
  'C1,1,2024-01-10,99213,-25,,"M5416, M54.5",practitioner,,',
  'C2,1,2024-01-11,36415,,,R7309,hospital,=1+2,"=HYPERLINK(""x"")"',
  '',
].join('\r\n');

describe('parseCsvClaims', () => {
  test('groups rows by claim id, orders by line number and lets rows without dx inherit the claim dx', () => {
    const claims = parseCsvClaims(sample, 'c.csv');
    expect(claims).toEqual([
      {
        id: 'C1',
        setting: 'practitioner',
        lines: [
          {
            code: '99213',
            modifiers: ['25'],
            units: 1,
            dateOfService: '2024-01-10',
            diagnoses: ['M54.16', 'M54.5'],
            provider: null,
            source: 'row 3',
          },
          {
            code: '97110',
            modifiers: ['GP', '59'],
            units: 2,
            dateOfService: '2024-01-10',
            diagnoses: ['M54.16', 'M54.5'],
            provider: '1111111112',
            source: 'row 2',
          },
        ],
      },
      {
        id: 'C2',
        setting: 'hospital',
        lines: [
          {
            code: '36415',
            modifiers: [],
            units: 1,
            dateOfService: '2024-01-11',
            diagnoses: ['R73.09'],
            // Formula-looking cells are kept as plain text, never evaluated or stripped.
            provider: '=1+2',
            source: 'row 4',
          },
        ],
      },
    ]);
  });

  test('without a line column keeps row order; semicolon files and a default date work', () => {
    const text = 'claim;code;mods;icd10\nA;99214;25 59;J069\nA;87880;QW;\n';
    const claims = parseCsvClaims(text, 'c.csv', { dateOfService: '2024-05-01', setting: 'dme' });
    expect(claims).toMatchObject([
      {
        setting: 'dme',
        lines: [
          { code: '99214', modifiers: ['25', '59'], dateOfService: '2024-05-01' },
          { code: '87880', diagnoses: ['J06.9'] },
        ],
      },
    ]);
  });

  test('row numbers count physical lines, so a quoted line break does not shift them', () => {
    const text =
      'claim_id,service date,hcpcs,modifiers\nA,2024-01-01,99213,"25,\n59"\nA,2024-01-01,x y,\n';
    expect(() => parseCsvClaims(text, 'c.csv')).toThrow(
      /c\.csv: row 4: code must be 1 to 10 letters or digits/,
    );
  });

  test.each([
    ['missing columns', 'claim,units\nA,1', /row 1: missing required column\(s\) code, date/],
    [
      'duplicate column',
      'claim,cpt,hcpcs,dos\nA,1,2,2024-01-01',
      /row 1: columns "cpt" and "hcpcs" both give the code/,
    ],
    ['header only', 'claim,code,dos\n', /contains no claims/],
    [
      'empty claim id',
      'claim,code,dos\nA,99213,2024-01-01\n,99213,2024-01-01',
      /row 3: the claim id is empty/,
    ],
    ['empty code', 'claim,code,dos\nA,,2024-01-01', /row 2: the code is empty/],
    ['empty date', 'claim,code,dos\nA,99213,', /row 2: the date of service is empty/],
    ['bad date', 'claim,code,dos\nA,99213,2024-02-30', /row 2: date of service must be a real/],
    [
      'bad units',
      'claim,code,dos,units\nA,99213,2024-01-01,1.5',
      /row 2: units must be a whole number/,
    ],
    [
      'bad dx',
      'claim,code,dos,dx\nA,99213,2024-01-01,12345',
      /row 2: diagnosis must be an ICD-10-CM code/,
    ],
    [
      'bad line number',
      'claim,line,code,dos\nA,0,99213,2024-01-01',
      /row 2: the line number must be/,
    ],
    [
      'repeated line number',
      'claim,line,code,dos\nA,1,99213,2024-01-01\nA,1,99214,2024-01-01',
      /row 3: claim "A" already has line 1 at row 2/,
    ],
    [
      'conflicting setting',
      'claim,code,dos,setting\nA,1,2024-01-01,hospital\nA,2,2024-01-01,practitioner',
      /row 3: claim "A" is hospital at row 2 but practitioner here/,
    ],
    [
      'formula code',
      'claim,code,dos\nA,=SUM(A1),2024-01-01',
      /row 2: code must be 1 to 10 letters or digits, got "=SUM\(A1\)"/,
    ],
    [
      'unclosed quote',
      'claim,code,dos\nA,"99213,2024-01-01\n',
      /c\.csv: row \d+ the CSV cannot be read/,
    ],
  ])('%s is a BAD_INPUT error naming the row', (_name, text, message) => {
    const error = errorOf(() => parseCsvClaims(text, 'c.csv'));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(message);
  });

  test('refuses a claim with more than 1000 rows', () => {
    const rows = Array.from({ length: 1001 }, () => 'A,99213,2024-01-01');
    expect(() => parseCsvClaims(`claim,code,dos\n${rows.join('\n')}`, 'c.csv')).toThrow(
      /row 1002: claim "A" has more than 1000 lines/,
    );
  });

  test('property: random text and mutations of a valid file only ever throw CodecardError', () => {
    fc.assert(
      fc.property(fc.string(), (text) =>
        expectOnlyCodecardErrors(() => parseCsvClaims(text, 'r.csv')),
      ),
    );
    fc.assert(
      fc.property(mutations, (edits) =>
        expectOnlyCodecardErrors(() => parseCsvClaims(mutate(sample, edits), 'm.csv')),
      ),
      { numRuns: 500 },
    );
  });
});
