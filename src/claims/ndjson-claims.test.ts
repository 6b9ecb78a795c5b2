import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { errorOf, expectOnlyCodecardErrors, mutate, mutations } from './claim-test-helpers.ts';
import { iterateNdjsonClaims, parseNdjsonClaims } from './ndjson-claims.ts';

const sample = [
  '{"id":"N1","dateOfService":"2024-01-10","diagnoses":["J069"],"lines":[{"code":"99213"},{"code":"87880","modifiers":["QW"]}]}',
  '',
  '{"id":"N2","lines":[{"code":"99214","dateOfService":"2024-01-12","units":"1"}]}\r',
  '',
].join('\n');

describe('parseNdjsonClaims', () => {
  test('reads one claim per line, skipping blank lines; lines inherit date and diagnoses', () => {
    const claims = parseNdjsonClaims(sample, 'c.ndjson');
    expect(claims.map((claim) => claim.id)).toEqual(['N1', 'N2']);
    expect(claims[0]?.lines[1]).toEqual({
      code: '87880',
      modifiers: ['QW'],
      units: 1,
      dateOfService: '2024-01-10',
      diagnoses: ['J06.9'],
      provider: null,
      source: 'line 1, service line 2',
    });
    expect(claims[1]?.lines[0]?.source).toBe('line 3, service line 1');
  });

  test('the iterator yields claims lazily, before a later bad line is reached', () => {
    const iterator = iterateNdjsonClaims(`${sample}\n{"id":"N3"`, 'c.ndjson');
    expect(iterator.next().value).toMatchObject({ id: 'N1' });
    expect(iterator.next().value).toMatchObject({ id: 'N2' });
    expect(() => iterator.next()).toThrow(/c\.ndjson: line 5: not a JSON object/);
  });

  test.each([
    [
      'bad JSON',
      '{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"1"}]}\n{oops}',
      /line 2: not a JSON object/,
    ],
    ['not an object', '[1,2]', /line 1: expected a claim object/],
    [
      'bad units',
      '\n\n{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"1","units":-1}]}',
      /line 3 \(claim "A"\) line 1: units must be/,
    ],
    [
      'no date',
      '{"id":"A","lines":[{"code":"99213"}]}',
      /line 1 \(claim "A"\) line 1: no date of service/,
    ],
    [
      'duplicate id',
      '{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"1"}]}\n{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"1"}]}',
      /line 2: claim id "A" is already used at line 1/,
    ],
    ['empty', '\n \n', /contains no claims/],
  ])('%s is a BAD_INPUT error naming the line', (_name, text, message) => {
    const error = errorOf(() => parseNdjsonClaims(text, 'c.ndjson'));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(message);
  });

  test('property: random text and mutations of a valid file only ever throw CodecardError', () => {
    fc.assert(
      fc.property(fc.string(), (text) =>
        expectOnlyCodecardErrors(() => parseNdjsonClaims(text, 'r.ndjson')),
      ),
    );
    fc.assert(
      fc.property(mutations, (edits) =>
        expectOnlyCodecardErrors(() => parseNdjsonClaims(mutate(sample, edits), 'm.ndjson')),
      ),
      { numRuns: 500 },
    );
  });
});
