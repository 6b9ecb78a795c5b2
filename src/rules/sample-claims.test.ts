import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readClaims } from '../claims/claim-input.ts';
import { type OpenDatabase } from '../db/database.ts';
import type { ClaimResult } from './claim-checker.ts';
import { checkAllClaims } from '../check/check-claims.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

const sampleClaims = new URL('../../samples/claims/sample-claims.json', import.meta.url);

/** Every rule fires on the sample claims against the starter library, each where intended. */
describe('the sample claims over the starter library', () => {
  let opened: OpenDatabase;
  let results: ClaimResult[];

  beforeAll(async () => {
    const library = await openTestLibrary('pglite', { starter: true });
    opened = library.opened;
    const ctx = library.ctx;
    const claims = readClaims(await readFile(sampleClaims), 'sample-claims.json');
    results = await checkAllClaims(ctx, claims, 'en');
  }, 120_000);
  afterAll(async () => opened.close());

  /** "rule severity" for each finding except the one about the missing ICD-10-CM table. */
  const found = (id: string) =>
    results
      .find((r) => r.id.startsWith(id))!
      .findings.filter((f) => !(f.rule === 'code-validity' && f.codes.length === 0))
      .map((f) => `${f.rule} ${f.severity} ${f.lines.join('+')}`);

  test('the starter library has no ICD-10-CM table: one warning per claim with diagnoses', () => {
    const first = results[0]!.findings;
    expect(first).toEqual([
      expect.objectContaining({ rule: 'code-validity', severity: 'warning', lines: [1, 2] }),
    ]);
    expect(first[0]!.message).toContain('ICD-10-CM');
  });

  test('each sample claim gets the findings its name promises', () => {
    expect(found('SAMPLE-01')).toEqual([]);
    expect(found('SAMPLE-02')).toEqual(['ptp error 2']);
    expect(found('SAMPLE-03')).toEqual(['ptp info 1+2']);
    expect(found('SAMPLE-04')).toEqual(['ptp error 2']);
    // The guide's "one unit of 62320-62327 per date of service" applies as well.
    expect(found('SAMPLE-05')).toEqual(['mue error 1', 'frequency warning 1']);
    expect(found('SAMPLE-06')).toEqual(['add-on error 1']);
    // (The sample's 62264/64483 edit was deleted on 2025-12-31, so no ptp finding.)
    expect(found('SAMPLE-07')).toEqual([
      'modifier error 1',
      'modifier error 2',
      'modifier error 3',
    ]);
    expect(found('SAMPLE-08')).toEqual(['medical-necessity error 1']);
    // The starter modifier reference does not define 76: a warning says so.
    expect(found('SAMPLE-09')).toEqual([
      'mue error 1+2',
      'modifier warning 2',
      'frequency warning 1+2',
    ]);
    expect(found('SAMPLE-10')).toEqual(['duplicate warning 1+2']);
    expect(found('SAMPLE-11')).toEqual(['code-validity error 1']);
  });

  test('findings cite the starter library: rows for tables, quoted sentences for guidance', () => {
    const frequency = results
      .find((r) => r.id.startsWith('SAMPLE-09'))!
      .findings.find((f) => f.rule === 'frequency')!;
    expect(frequency.citations[0]!.quote).toMatch(/62264/);
    const necessity = results
      .find((r) => r.id.startsWith('SAMPLE-08'))!
      .findings.find((f) => f.rule === 'medical-necessity')!;
    expect(necessity.citations[0]!.title).toMatch(/coverage/i);
    expect(necessity.message).toContain('SAMPLE-L0001');
    expect(necessity.fix).toContain('M54.16');
  });
});
