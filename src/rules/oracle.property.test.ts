import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Claim } from '../claims/claim-types.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { importFile } from '../library/import.service.ts';
import { DEFAULT_ORG } from '../library/library-context.ts';
import { checkEdits } from './check-claim.ts';
import { buildEditIndex, type EditIndex } from './edit-index.ts';
import type { Finding } from './finding.ts';
import { oracleFindings } from './sql-oracle.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Sample edits written for this test, in the CMS TXT layout, with dates around the boundaries.
const header = [
  'SAMPLE',
  'Column1/Column2 Edits',
  'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
  '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
  '\t\t\t\t*=no data\t1=allowed\t',
  '\t\t\t\t\t9=not applicable\t',
];
const q4 = [
  '62263\t62264\t\t20170101\t*\t0\tMutually exclusive procedures',
  '62264\t77003\t\t20170101\t*\t1\tCPT Manual or CMS manual coding instruction',
  '62323\t77003\t\t20261015\t*\t1\tStandards of medical/surgical practice',
  '62323\t62284\t\t20170101\t20261101\t0\tMisuse of Column Two code with Column One code',
  '64483\t64484\t\t20170101\t*\t9\tStandards of medical/surgical practice',
  '99213\t64483\t\t20170101\t*\t1\tStandards of medical/surgical practice',
];
const q1 = [
  ...q4.slice(0, 2),
  '62323\t77003\t\t20261015\t*\t0\tStandards of medical/surgical practice',
  '64483\t77003\t\t20270101\t*\t1\tStandards of medical/surgical practice',
];
const txt = (rows: string[]) => Buffer.from([...header, ...rows].join('\r\n'), 'latin1');
const mueCsv = (rows: string[]) =>
  Buffer.from(
    [
      'hcpcs_cpt_code,outpatient_hospital_mue_value,mue_adjudication_indicator,mue_rationale',
      ...rows,
    ].join('\n'),
  );

const codes = ['62263', '62264', '62323', '62284', '64483', '64484', '77003', '99213'];
const dates = [
  '2026-09-30',
  '2026-10-01',
  '2026-10-14',
  '2026-10-15',
  '2026-10-31',
  '2026-11-01',
  '2026-12-31',
  '2027-01-01',
  '2027-01-02',
];
const modifiers = ['59', 'XS', 'XU', '25', 'LT', 'RT', '50', '76'];

const lineArbitrary = fc.record({
  code: fc.constantFrom(...codes),
  modifiers: fc.uniqueArray(fc.constantFrom(...modifiers), { maxLength: 2 }),
  units: fc.integer({ min: 1, max: 6 }),
  dateOfService: fc.constantFrom(...dates),
  diagnoses: fc.constant([] as string[]),
  provider: fc.constantFrom(null, 'A', 'B'),
  source: fc.constant('generated'),
});
const claimArbitrary: fc.Arbitrary<Claim> = fc.record({
  id: fc.constant('generated'),
  setting: fc.constantFrom('hospital', 'practitioner'),
  lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 6 }),
});

const canonical = (findings: Finding[]) => findings.map((f) => JSON.stringify(f)).sort();

describe.each(testDatabaseKinds())('the in-memory engine against the SQL oracle (%s)', (kind) => {
  let opened: OpenDatabase;
  let index: EditIndex;

  beforeAll(async () => {
    const library = await openTestLibrary(kind);
    opened = library.opened;
    const ctx = library.ctx;
    await importFile(
      ctx,
      { fileName: 'ccioph-v323r0-sample.txt', bytes: txt(q4) },
      { setting: 'hospital' },
    );
    await importFile(
      ctx,
      { fileName: 'ccioph-v330r0-sample.txt', bytes: txt(q1) },
      { setting: 'hospital' },
    );
    await importFile(
      ctx,
      { fileName: 'ccipra-v323r0-sample.txt', bytes: txt(q4.slice(1)) },
      { setting: 'practitioner' },
    );
    await importFile(
      ctx,
      {
        fileName: 'mue-hospital-Eff_10-01-2026.csv',
        bytes: mueCsv(['62323,1,3,Clinical: Data', '64484,4,2,CMS Policy', '77003,1,1,CMS Policy']),
      },
      { setting: 'hospital' },
    );
    await importFile(
      ctx,
      {
        fileName: 'mue-practitioner-Eff_10-01-2026.csv',
        bytes: mueCsv(['62323,2,3,Clinical: Data', '62264,1,1,CMS Policy']),
      },
      { setting: 'practitioner' },
    );
    index = await buildEditIndex(ctx);
  });
  afterAll(async () => opened.close());

  test('gives identical findings for 10,000 random claims', async () => {
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(claimArbitrary, async (claim) => {
        // What the library cannot tell (no data for the date) is not an edit: the oracle restates
        // the edits only.
        const engine = checkEdits(claim, index).filter(
          (f) => !(f.severity === 'warning' && f.citations.length === 0),
        );
        const oracle = await oracleFindings(opened.db, DEFAULT_ORG, claim);
        if (engine.length > 0) withFindings++;
        expect(canonical(engine)).toEqual(canonical(oracle));
        // Both give 1-based line numbers: 1 to the claim's line count, never 0.
        for (const line of engine.flatMap((f) => f.lines))
          expect(line >= 1 && line <= claim.lines.length).toBe(true);
      }),
      { numRuns: 10_000, seed: 20261127 },
    );
    // The generator must exercise the rules, not only produce clean claims.
    expect(withFindings).toBeGreaterThan(2_000);
  }, 600_000);
});
