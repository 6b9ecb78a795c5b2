import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { importFile } from '../library/import.service.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { checkClaim } from '../rules/check-claim.ts';
import { ruleIndexesFor } from '../rules/claim-checker.ts';
import type { RuleIndexes } from '../rules/check-context.ts';
import type { Finding } from '../rules/finding.ts';
import type { PtpVerdictKind } from '../domain/ptp-verdict.ts';
import { askQuestion } from './ask.service.ts';
import { questionLines } from './answers/pair.answer.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Sample edits written for this test (CMS TXT layout): two hospital releases that disagree, rows
// dated before their release, deleted rows, indicators 0, 1 and 9, and a practitioner subset.
const header = [
  'SAMPLE',
  'Column1/Column2 Edits',
  'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
  '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
  '\t\t\t\t*=no data\t1=allowed\t',
  '\t\t\t\t\t9=not applicable\t',
];
const txt = (rows: string[]) => Buffer.from([...header, ...rows].join('\r\n'), 'latin1');
const hospitalQ1 = [
  '62263\t62264\t\t20200101\t*\t0\tMutually exclusive procedures',
  '62264\t77003\t\t20200101\t*\t1\tCPT Manual or CMS manual coding instruction',
  '64483\t64484\t\t20200101\t20260315\t1\tStandards of medical/surgical practice',
  '99213\t64483\t\t20200101\t*\t1\tStandards of medical/surgical practice',
];
const hospitalQ3 = [
  '62263\t62264\t\t20200101\t*\t0\tMutually exclusive procedures',
  '62264\t77003\t\t20260801\t*\t0\tCPT Manual or CMS manual coding instruction',
  '64483\t64484\t\t20200101\t20260315\t1\tStandards of medical/surgical practice',
  '64483\t77003\t\t20200101\t*\t9\tStandards of medical/surgical practice',
];
const practitionerSubset = [
  'column_1,column_2,modifier_indicator',
  '62264,77003,1',
  '64483,64484,1',
];

const codes = ['62263', '62264', '64483', '64484', '77003', '99213', '99999'];
const dates = ['2019-06-01', '2026-03-15', '2026-03-16', '2026-07-15', '2026-08-01', '2026-12-01'];
const modifiers = ['59', 'XS', '25', 'RT', 'LT', '76'];

/**
 * The verdict kinds the check's PTP findings for one pair can stand for: a clean pair is any of
 * an edit that does not apply (9), a deleted edit, or no edit.
 */
function checkVerdicts(findings: Finding[]): PtpVerdictKind[] {
  const ptp = findings.filter((f) => f.rule === 'ptp');
  if (ptp.some((f) => f.severity === 'warning' && f.citations.length === 0)) return ['cannot-tell'];
  const error = ptp.find((f) => f.severity === 'error');
  if (error) return [error.fix ? 'modifier-required' : 'not-allowed'];
  if (ptp.some((f) => f.severity === 'info')) return ['bypassed'];
  return ['not-applicable', 'deleted', 'no-edit'];
}

describe.each(testDatabaseKinds())(
  'Ask and the claim check give the same PTP verdict (%s)',
  (kind) => {
    let opened: OpenDatabase;
    let ctx: LibraryContext;
    let indexes: RuleIndexes;

    beforeAll(async () => {
      ({ opened, ctx } = await openTestLibrary(kind));
      const hospital = { setting: 'hospital' } as const;
      await importFile(
        ctx,
        { fileName: 'ccioph-q1.txt', bytes: txt(hospitalQ1) },
        { ...hospital, effective: '2026-01-01' },
      );
      await importFile(
        ctx,
        { fileName: 'ccioph-q3.txt', bytes: txt(hospitalQ3) },
        { ...hospital, effective: '2026-07-01' },
      );
      await importFile(
        ctx,
        { fileName: 'ccipra-spine-subset.csv', bytes: Buffer.from(practitionerSubset.join('\n')) },
        { setting: 'practitioner', effective: '2026-04-01' },
      );
      indexes = await ruleIndexesFor(ctx);
    });
    afterAll(async () => opened.close());

    test('for random pairs, dates, settings and modifiers', async () => {
      const seen = new Set<PtpVerdictKind>();
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.constantFrom(...codes), { minLength: 2, maxLength: 2 }),
          fc.constantFrom(...dates),
          fc.constantFrom('hospital', 'practitioner'),
          fc.uniqueArray(fc.constantFrom(...modifiers), { maxLength: 2 }),
          async ([a, b], dos, setting, mods) => {
            const named = mods.map((m) => ` with modifier ${m}`).join('');
            const place = setting === 'hospital' ? ' in the hospital outpatient department' : '';
            const { answer } = await askQuestion(ctx, {
              question: `can I bill ${a!} with ${b!}${named}${place} on ${dos}?`,
            });
            const [lineA, lineB] = questionLines(a!, b!, mods);
            const findings = checkClaim(
              {
                id: 'pair',
                setting,
                lines: [lineA, lineB].map((line) => ({
                  code: line.code,
                  modifiers: [...line.modifiers],
                  units: 1,
                  dateOfService: dos,
                  diagnoses: [],
                  provider: null,
                  source: 'generated',
                })),
              },
              indexes,
            );
            expect(answer.kind).toBe('pair');
            const asked = answer.pairs![0]!.verdict;
            expect(checkVerdicts(findings)).toContain(asked);
            seen.add(asked);
          },
        ),
        { numRuns: 150, seed: 20261204 },
      );
      // The generator must reach every verdict, or the agreement says little.
      expect([...seen].sort()).toEqual(
        [
          'bypassed',
          'cannot-tell',
          'deleted',
          'modifier-required',
          'no-edit',
          'not-allowed',
          'not-applicable',
        ].sort(),
      );
    }, 300_000);
  },
);
