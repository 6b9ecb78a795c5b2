import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { errorOf, expectOnlyCodecardErrors, mutate, mutations } from './claim-test-helpers.ts';
import { MAX_CLAIMS, MAX_LINES_PER_CLAIM } from './claim-limits.ts';
import { parseJsonClaims } from './json-claims.ts';

const sample = JSON.stringify({
  claims: [
    {
      id: 'C-100',
      dateOfService: '2024-01-10',
      diagnoses: ['m5416', 'M54.5'],
      lines: [
        { code: ' 99213 ', modifiers: ['-25'] },
        {
          code: 'g0283',
          units: 2,
          dateOfService: '2024-01-11',
          diagnoses: ['M545'],
          provider: '1111111112',
        },
      ],
    },
    { id: 'C-101', setting: 'hospital', lines: [{ code: '36415', dateOfService: '2024-02-29' }] },
  ],
});

describe('parseJsonClaims', () => {
  test('reads claims, normalizing codes, modifiers and diagnoses; lines inherit date and diagnoses', () => {
    const claims = parseJsonClaims(sample, 'c.json');
    expect(claims).toEqual([
      {
        id: 'C-100',
        setting: 'practitioner',
        lines: [
          {
            code: '99213',
            modifiers: ['25'],
            units: 1,
            dateOfService: '2024-01-10',
            diagnoses: ['M54.16', 'M54.5'],
            provider: null,
            source: 'claim 1, service line 1',
          },
          {
            code: 'G0283',
            modifiers: [],
            units: 2,
            dateOfService: '2024-01-11',
            diagnoses: ['M54.5'],
            provider: '1111111112',
            source: 'claim 1, service line 2',
          },
        ],
      },
      {
        id: 'C-101',
        setting: 'hospital',
        lines: [
          {
            code: '36415',
            modifiers: [],
            units: 1,
            dateOfService: '2024-02-29',
            diagnoses: [],
            provider: null,
            source: 'claim 2, service line 1',
          },
        ],
      },
    ]);
  });

  test('accepts a bare array or a single claim, and applies defaults', () => {
    const one = { id: 7, lines: [{ code: '99212' }] };
    const defaults = { setting: 'hospital' as const, dateOfService: '2024-03-01' };
    expect(parseJsonClaims(JSON.stringify([one]), 'a.json', defaults)[0]).toMatchObject({
      id: '7',
      setting: 'hospital',
      lines: [{ dateOfService: '2024-03-01' }],
    });
    expect(parseJsonClaims(JSON.stringify(one), 'a.json', defaults)).toHaveLength(1);
  });

  test.each([
    ['not JSON', '{"claims": [', /c\.json: not valid JSON/],
    ['wrong shape', '{"foo": 1}', /expected \{"claims": \[\.\.\.\]\}/],
    ['no claims', '{"claims": []}', /contains no claims/],
    [
      'no id',
      '[{"lines":[{"code":"99213","dateOfService":"2024-01-01"}]}]',
      /claim 1: the claim needs an "id"/,
    ],
    [
      'no lines',
      '[{"id":"A","lines":[]}]',
      /claim 1 \(claim "A"\): "lines" must be a non-empty array/,
    ],
    [
      'no date anywhere',
      '[{"id":"A","lines":[{"code":"99213"}]}]',
      /claim "A"\) line 1: no date of service/,
    ],
    [
      'impossible date',
      '[{"id":"A","dateOfService":"2023-02-29","lines":[{"code":"99213"}]}]',
      /claim "A"\): date of service must be a real YYYY-MM-DD date, got "2023-02-29"/,
    ],
    [
      'US date',
      '[{"id":"A","lines":[{"code":"99213","dateOfService":"01/02/2024"}]}]',
      /line 1: date of service/,
    ],
    [
      'zero units',
      '[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"1"},{"code":"99213","units":0}]}]',
      /claim "A"\) line 2: units must be a whole number from 1 to 9999, got 0/,
    ],
    [
      'fractional units',
      '[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"99213","units":1.5}]}]',
      /units must be a whole number/,
    ],
    [
      'too many units',
      '[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"99213","units":10000}]}]',
      /got 10000/,
    ],
    [
      'numeric code',
      '[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":99213}]}]',
      /code must be a string/,
    ],
    [
      'bad modifier',
      '[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"99213","modifiers":["5"]}]}]',
      /modifier must be two letters or digits, got "5"/,
    ],
    [
      'bad diagnosis',
      '[{"id":"A","dateOfService":"2024-01-01","diagnoses":["99213"],"lines":[{"code":"99213"}]}]',
      /diagnosis must be an ICD-10-CM code, got "99213"/,
    ],
    [
      'bad setting',
      '[{"id":"A","setting":"clinic","lines":[]}]',
      /setting must be one of practitioner, hospital, dme/,
    ],
    [
      'duplicate id',
      '[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"1"}]},{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"1"}]}]',
      /claim 2: claim id "A" is already used at claim 1/,
    ],
  ])('%s is a BAD_INPUT error naming the position', (_name, text, message) => {
    const error = errorOf(() => parseJsonClaims(text, 'c.json'));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(message);
  });

  test('a bad default date is reported as the default', () => {
    expect(() => parseJsonClaims(sample, 'c.json', { dateOfService: '2024-13-01' })).toThrow(
      /c\.json: default date of service/,
    );
  });

  test('refuses more lines per claim and more claims than the limits', () => {
    const line = { code: '99213' };
    const big = {
      id: 'A',
      dateOfService: '2024-01-01',
      lines: Array(MAX_LINES_PER_CLAIM + 1).fill(line),
    };
    expect(() => parseJsonClaims(JSON.stringify(big), 'c.json')).toThrow(
      /claim 1 \(claim "A"\): 1001 lines is over the limit of 1000 per claim/,
    );
    const many = `[${Array(MAX_CLAIMS + 1)
      .fill('{}')
      .join(',')}]`;
    expect(() => parseJsonClaims(many, 'c.json')).toThrow(
      /100001 claims is over the limit of 100000/,
    );
  });

  test('property: random text and mutations of a valid file only ever throw CodecardError', () => {
    fc.assert(
      fc.property(fc.string(), (text) =>
        expectOnlyCodecardErrors(() => parseJsonClaims(text, 'r.json')),
      ),
    );
    fc.assert(
      fc.property(fc.json(), (text) =>
        expectOnlyCodecardErrors(() => parseJsonClaims(text, 'r.json')),
      ),
    );
    fc.assert(
      fc.property(mutations, (edits) =>
        expectOnlyCodecardErrors(() => parseJsonClaims(mutate(sample, edits), 'm.json')),
      ),
      { numRuns: 500 },
    );
  });
});
