import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { caseAnswer } from './case-answer.ts';
import { readCaseFixture } from './case-fixtures.ts';
import { caseResourcesFromBundle } from './case-resources-from-bundle.ts';
import type { FhirCaseResources } from './fhir-case-resources.ts';

/** Answers "for this patient" on the office case, against the starter library. */
describe('caseAnswer over the starter library', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let resources: FhirCaseResources;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
    resources = caseResourcesFromBundle(
      await readCaseFixture('lumbar-radiculopathy-office'),
      'https://ehr.example/fhir',
    );
  }, 120_000);
  afterAll(async () => opened.close());

  test('"Can I bill 62264 here?": the PTP conflict with 77003 from the chart and the library, M54.16 covered', async () => {
    const a = await caseAnswer(ctx, resources, ['62264'], 'en');
    expect(a).toMatchObject({
      encounterId: 'sample-enc-1',
      dateOfService: '2026-03-02',
      setting: 'practitioner',
      codes: ['62264'],
    });
    const chart = a.facts.filter((f) => f.origin === 'chart');
    expect(chart.map((f) => f.text)).toEqual([
      '62264 is on this encounter (2026-03-02): 1 unit(s), modifiers —.',
      '77003 is on the same encounter (2026-03-02).',
      "The encounter's diagnoses: M54.16.",
    ]);
    expect(chart[1]!.from).toEqual([{ resourceType: 'Procedure', id: 'sample-proc-2' }]);
    expect(chart.every((f) => f.citations.length === 0)).toBe(true);
    const library = a.facts.filter((f) => f.origin === 'library');
    const ptp = library.find((f) => f.text.includes('77003'))!;
    expect(ptp.citations[0]!.title).toBe('sample-ccipra-v320r0-ptp.txt');
    const covered = library.find((f) => f.text.startsWith('62264: M54.16 covered'))!;
    expect(covered.citations[0]!.title).toBe('sample-coverage-epidural.csv');
  });

  test('"Is M54.16 covered for 62264?" keeps the coverage fact; a code the chart lacks is checked as added', async () => {
    const dx = await caseAnswer(ctx, resources, ['62264', 'M54.16'], 'en');
    expect(dx.facts.some((f) => f.origin === 'library' && f.text.includes('M54.16 covered'))).toBe(
      true,
    );
    const added = await caseAnswer(ctx, resources, ['62323'], 'en');
    expect(added.facts[0]).toMatchObject({
      origin: 'chart',
      text: '62323 is not on this encounter; it is checked as if added on 2026-03-02.',
    });
    // The added code is never reported as a chart procedure of the encounter.
    expect(added.facts.some((f) => f.text.startsWith('62323 is on'))).toBe(false);
  });

  test('another language: fixed wording in it', async () => {
    const a = await caseAnswer(ctx, resources, ['62264'], 'fr');
    expect(a.facts[0]!.text).toBe(
      '62264 figure sur cette rencontre (2026-03-02) : 1 unité(s), modificateurs —.',
    );
  });
});
