import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { checkCase } from './case-check.ts';
import { readCaseFixture } from './case-fixtures.ts';
import { caseResourcesFrom, caseResourcesFromBundle } from './case-resources-from-bundle.ts';

const base = 'https://ehr.example/fhir';

/** The case check on the synthetic cases, against the starter library. */
describe('checkCase over the starter library', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
  }, 120_000);
  afterAll(async () => opened.close());

  const fixtureCase = async (name: Parameters<typeof readCaseFixture>[0]) =>
    checkCase(ctx, caseResourcesFromBundle(await readCaseFixture(name), base), { lang: 'en' });

  test('the office case: the 62264/77003 PTP finding with its row, and M54.16 covered for 62264', async () => {
    const c = await fixtureCase('lumbar-radiculopathy-office');
    expect(c).toMatchObject({ dateOfService: '2026-03-02', setting: 'practitioner' });
    const ptp = c.check.findings.find((f) => f.rule === 'ptp')!;
    expect(ptp).toMatchObject({ severity: 'error', lines: [2] });
    expect(ptp.codes).toEqual(expect.arrayContaining(['62264', '77003']));
    expect(ptp.citations[0]!.title).toBe('sample-ccipra-v320r0-ptp.txt');
    expect(ptp.citations[0]!.locator).toMatch(/^line \d+$/);
    const covered = c.check.findings.filter((f) => f.rule === 'medical-necessity');
    expect(covered).toEqual([
      expect.objectContaining({
        severity: 'info',
        lines: [1],
        codes: ['62264', 'M54.16'],
        message: '62264: M54.16 covered by SAMPLE-A0002.',
        citations: [expect.objectContaining({ title: 'sample-coverage-epidural.csv' })],
      }),
    ]);
    expect(c.check.summary.errors).toBe(
      c.check.findings.filter((f) => f.severity === 'error').length,
    );
  });

  test('the outpatient hospital case is checked in the hospital setting', async () => {
    const c = await fixtureCase('outpatient-hospital-injection');
    expect(c.setting).toBe('hospital');
    const infos = c.check.findings.filter((f) => f.rule === 'medical-necessity');
    expect(infos.map((f) => [f.severity, f.codes])).toEqual([
      ['info', ['62323', 'M48.062']],
      ['info', ['64483', 'M48.062']],
    ]);
  });

  test('a diagnosis the coverage list does not name: the rule error, not a covered note', async () => {
    const resources = caseResourcesFrom(
      [
        {
          resourceType: 'Encounter',
          id: 'e',
          status: 'finished',
          class: { code: 'AMB' },
          period: { start: '2026-03-02' },
        },
        {
          resourceType: 'Condition',
          id: 'c',
          subject: {},
          code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M545' }] },
        },
        {
          resourceType: 'ServiceRequest',
          id: 's',
          status: 'draft',
          intent: 'order',
          subject: {},
          code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '62323' }] },
        },
      ],
      base,
    );
    const c = await checkCase(ctx, resources, { lang: 'en' });
    expect(c.check.findings.filter((f) => f.rule === 'medical-necessity')).toEqual([
      expect.objectContaining({ severity: 'error', codes: ['62323', 'M54.5'] }),
    ]);
  });

  test('no date anywhere: EHR_CASE_NO_DATE; no procedures: an empty check', async () => {
    await expect(checkCase(ctx, caseResourcesFrom([], base), { lang: 'en' })).rejects.toMatchObject(
      {
        code: 'EHR_CASE_NO_DATE',
        status: 422,
      },
    );
    const empty = await checkCase(ctx, caseResourcesFrom([], base), {
      lang: 'en',
      today: '2026-03-02',
    });
    expect(empty.check).toEqual({
      id: 'encounter (none)',
      findings: [],
      summary: { errors: 0, warnings: 0, infos: 0 },
    });
  });
});
