import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Claim, ClaimLine } from '../claims/claim-types.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { sampleOrderText } from '../library/formats/icd10cm-test-fixtures.ts';
import { importFile } from '../library/import.service.ts';
import type { ImportOptions } from '../library/import-kind.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { checkClaim } from './check-claim.ts';
import type { RuleIndexes } from './check-context.ts';
import { ruleIndexesFor } from './claim-checker.ts';
import type { Finding } from './finding.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// A small library written for this test (sample values, not CMS, AMA or payer content).
const files: [string, string, ImportOptions][] = [
  [
    'sample-descriptors.csv',
    [
      'Code,Long Descriptor',
      '62263,SAMPLE multi-day adhesion release',
      '62264,SAMPLE one-day adhesion release',
      '62323,SAMPLE lumbar injection with imaging',
      '64483,SAMPLE transforaminal injection, first level',
      '64484,SAMPLE transforaminal injection, each added level',
      '20610,SAMPLE large joint injection',
      '77003,SAMPLE fluoroscopic guidance',
    ].join('\n'),
    { kind: 'code-table', system: 'cpt', effective: '2026-01-01' },
  ],
  ['icd10cm_order_2026.txt', sampleOrderText, { kind: 'icd10cm-order' }],
  ['sample-add-on.csv', 'Add-on Code,Primary Code\n64484,64483', { kind: 'add-on' }],
  [
    'sample-rvu.csv',
    [
      'HCPCS,MOD,STATUS CODE,GLOB DAYS,MULT PROC,BILAT SURG,ASST SURG,CO-SURG,TEAM SURG',
      '20610,,A,000,2,1,1,0,0',
      '62264,,A,010,2,0,1,0,0',
      '62263,,A,010,0,1,1,0,0',
      '62323,,A,000,9,3,1,0,0',
      '64484,,A,ZZZ,0,0,0,0,0',
      '77003,26,A,XXX,0,0,1,0,0',
    ].join('\n'),
    { kind: 'mpfs-rvu' },
  ],
  [
    'sample-coverage.csv',
    'Policy ID,CPT/HCPCS Code,ICD-10-CM Code\nSAMPLE-L9,62323,"M54.16, M54.5"',
    { kind: 'coverage' },
  ],
  [
    'sample-guide.md',
    [
      '# Sample guide',
      '',
      'Report 62264 once per day.',
      '',
      'Modifiers 59 and XS describe a distinct service; do not put both on one line.',
      '',
      'Modifier 50 means both sides, so modifiers 50 and LT or RT are not combined.',
      '',
      'Modifier 51 marks multiple procedures.',
    ].join('\n'),
    { kind: 'markdown' },
  ],
];

function claim(...lines: Partial<ClaimLine>[]): Claim {
  return {
    id: 'c1',
    setting: 'practitioner',
    lines: lines.map((line, i) => ({
      code: '62264',
      modifiers: [],
      units: 1,
      dateOfService: '2026-03-02',
      diagnoses: ['M54.16'],
      provider: null,
      source: `line ${i + 1}`,
      ...line,
    })),
  };
}

const brief = (findings: Finding[]) =>
  findings.map((f) => ({ rule: f.rule, severity: f.severity, lines: f.lines, codes: f.codes }));

// These libraries hold no NCCI edits, which the ptp and mue rules say on every claim (tested
// below); the other rules' tests look past those warnings.
const noPtpData = (f: Finding) =>
  (f.rule === 'ptp' || f.rule === 'mue') && f.severity === 'warning' && f.citations.length === 0;

describe.each(testDatabaseKinds())('rules over the reference index (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let indexes: RuleIndexes;
  const check = (c: Claim) => checkClaim(c, indexes).filter((f) => !noPtpData(f));

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind));
    for (const [fileName, text, options] of files)
      await importFile(ctx, { fileName, bytes: Buffer.from(text) }, options);
    indexes = await ruleIndexesFor(ctx);
  });
  afterAll(async () => opened.close());

  test('without NCCI edits for the date, a claim says the library cannot tell', () => {
    expect(checkClaim(claim({ code: '64483' }, { code: '64484' }), indexes)).toEqual([
      expect.objectContaining({
        rule: 'ptp',
        severity: 'warning',
        lines: [1, 2],
        message: expect.stringContaining('holds no practitioner NCCI PTP edits') as string,
      }),
      expect.objectContaining({
        rule: 'mue',
        severity: 'warning',
        lines: [1, 2],
        message: expect.stringContaining('holds no practitioner MUE file') as string,
      }),
    ]);
  });

  test('a clean claim has no findings', () => {
    expect(check(claim({ code: '64483' }, { code: '64484' }))).toEqual([]);
  });

  describe('code-validity', () => {
    test('an unknown procedure code is an error on its line', () => {
      const findings = check(claim({ code: '64483' }, { code: '62299' }));
      expect(brief(findings)).toEqual([
        { rule: 'code-validity', severity: 'error', lines: [2], codes: ['62299'] },
      ]);
      expect(findings[0]!.message).toContain('62299');
    });

    test('a date before any release of the table is a warning that the library holds none, not an invalid code', () => {
      const [finding] = check(claim({ code: '64483', dateOfService: '2025-12-31' }));
      expect(finding).toMatchObject({ rule: 'code-validity', severity: 'warning' });
      expect(finding!.codes).toEqual(['64483']);
      expect(finding!.message).toBe(
        'The library holds no CPT for 2025-12-31, so 1 code was not checked: 64483.',
      );
    });

    test('unknown and non-billable diagnoses are errors', () => {
      const findings = check(claim({ code: '64483', diagnoses: ['M54.1', 'Z99.89'] }));
      expect(brief(findings)).toEqual([
        { rule: 'code-validity', severity: 'error', lines: [1], codes: ['M54.1'] },
        { rule: 'code-validity', severity: 'error', lines: [1], codes: ['Z99.89'] },
      ]);
      expect(findings[0]!.message).toMatch(/M54\.1 is a header in the .* order file, not billable/);
    });

    test('a system with no table gives one warning for the claim, not one per line', () => {
      const findings = check(claim({ code: 'J1040' }, { code: 'J1050' }, { code: '64483' }));
      expect(brief(findings)).toEqual([
        { rule: 'code-validity', severity: 'warning', lines: [1, 2], codes: [] },
      ]);
      expect(findings[0]!.message).toContain('HCPCS');
    });
  });

  describe('add-on', () => {
    test('an add-on code without its primary on the same date is an error', () => {
      const findings = check(
        claim({ code: '64483', dateOfService: '2026-03-01' }, { code: '64484' }),
      );
      expect(brief(findings)).toEqual([
        { rule: 'add-on', severity: 'error', lines: [2], codes: ['64484'] },
      ]);
      expect(findings[0]!.message).toContain('64483');
      expect(findings[0]!.citations[0]!.locator).toBeTruthy();
    });
  });

  describe('modifier', () => {
    test('50 where the bilateral indicator does not allow it, cited to the RVU row', () => {
      const findings = check(claim({ code: '62264', modifiers: ['50'] }));
      expect(brief(findings)).toEqual([
        { rule: 'modifier', severity: 'error', lines: [1], codes: ['62264'] },
      ]);
      expect(findings[0]!.message).toContain('0');
      expect(check(claim({ code: '20610', modifiers: ['50'] }))).toEqual([]);
    });

    test('51 on an add-on code: one finding, the add-on one, whatever its RVU indicator', () => {
      const findings = check(claim({ code: '64483' }, { code: '64484', modifiers: ['51'] }));
      expect(brief(findings)).toEqual([
        { rule: 'modifier', severity: 'error', lines: [2], codes: ['64484'] },
      ]);
      expect(findings[0]!.message).toContain('add-on');
    });

    test.each([
      ['62263', '0', 'line 4'],
      ['62323', '9', 'line 5'],
    ])(
      '51 on %s whose multiple-procedure indicator is %s, cited to the RVU row',
      (code, indicator, locator) => {
        const findings = check(claim({ code, modifiers: ['51'] }));
        expect(brief(findings)).toEqual([
          { rule: 'modifier', severity: 'error', lines: [1], codes: [code] },
        ]);
        expect(findings[0]!.modifiers).toEqual(['51']);
        expect(findings[0]!.message).toContain(`multiple-procedure indicator is ${indicator}`);
        expect(findings[0]!.citations).toEqual([
          expect.objectContaining({
            title: expect.stringContaining('sample-rvu') as string,
            locator,
          }),
        ]);
      },
    );

    test('51 passes where the indicator allows it (2), and 50 where bilateral is 1 or 3', () => {
      expect(check(claim({ code: '20610', modifiers: ['51'] }))).toEqual([]);
      expect(check(claim({ code: '62264', modifiers: ['51'] }))).toEqual([]);
      expect(check(claim({ code: '62323', modifiers: ['50'] }))).toEqual([]);
    });

    test('59 with an X modifier, and 50 with LT, on one line, cited to the guide', () => {
      const both = check(claim({ code: '20610', modifiers: ['59', 'XS'] }));
      expect(both.map((f) => f.modifiers)).toEqual([['59', 'XS']]);
      expect(both[0]!.citations[0]!.title).toBe('Sample guide');
      const sided = check(claim({ code: '20610', modifiers: ['50', 'LT'] }));
      expect(sided.map((f) => f.modifiers)).toEqual([['50', 'LT']]);
    });

    test('a modifier the library does not know is a warning', () => {
      const findings = check(claim({ code: '20610', modifiers: ['Q7'] }));
      expect(findings.map((f) => [f.rule, f.severity, f.modifiers])).toEqual([
        ['modifier', 'warning', ['Q7']],
      ]);
      // 26 is known from the RVU file's modifier rows.
      expect(check(claim({ code: '77003', modifiers: ['26'] }))).toEqual([]);
    });
  });

  describe('medical-necessity', () => {
    test('a covered code without a covered diagnosis is an error citing the policy', () => {
      const findings = check(claim({ code: '62323', diagnoses: ['M54.16'] }));
      expect(findings).toEqual([]);
      const uncovered = check(claim({ code: '62323', diagnoses: ['U07.1'] }));
      expect(brief(uncovered)).toEqual([
        { rule: 'medical-necessity', severity: 'error', lines: [1], codes: ['62323', 'U07.1'] },
      ]);
      expect(uncovered[0]!.message).toContain('SAMPLE-L9');
      expect(uncovered[0]!.fix).toContain('M54.16');
      expect(uncovered[0]!.citations[0]!.title).toMatch(/coverage/i);
      const none = check(claim({ code: '62323', diagnoses: [] }));
      expect(none.map((f) => f.rule)).toEqual(['medical-necessity']);
    });
  });

  describe('frequency', () => {
    test('a limit stated in guidance, quoted as the citation', () => {
      expect(check(claim({ code: '62264' }))).toEqual([]);
      const findings = check(claim({ code: '62264', units: 2 }));
      expect(brief(findings)).toEqual([
        { rule: 'frequency', severity: 'warning', lines: [1], codes: ['62264'] },
      ]);
      expect(findings[0]!.citations[0]!.quote).toMatch(/62264 once per day/);
    });
  });

  describe('duplicate', () => {
    test('identical lines are flagged once; different modifiers or dates are not', () => {
      const findings = check(
        claim({ code: '20610', modifiers: ['RT'] }, { code: '20610', modifiers: ['RT'] }),
      );
      expect(brief(findings)).toEqual([
        { rule: 'duplicate', severity: 'warning', lines: [1, 2], codes: ['20610'] },
      ]);
      expect(
        check(claim({ code: '20610', modifiers: ['RT'] }, { code: '20610', modifiers: ['LT'] })),
      ).toEqual([]);
    });
  });

  test('messages follow the language', () => {
    const [finding] = check(claim({ code: '62299' }));
    const [spanish] = checkClaim(claim({ code: '62299' }), indexes, 'es');
    expect(spanish!.message).not.toBe(finding!.message);
    expect(spanish!.message).toContain('62299');
  });
});

describe('the shared reference index', () => {
  test('is rebuilt when a reference document is added, while the edit index is reused', async () => {
    const { opened, ctx } = await openTestLibrary();
    try {
      const descriptors = files[0]!;
      const guide = files.find(([name]) => name.endsWith('.md'))!;
      await importFile(
        ctx,
        { fileName: descriptors[0], bytes: Buffer.from(descriptors[1]) },
        descriptors[2],
      );
      const first = await ruleIndexesFor(ctx);
      expect(await ruleIndexesFor(ctx)).toEqual(first);
      // No modifier list or reference yet: one warning for the claim's modified lines.
      const before = checkClaim(
        claim(
          { code: '20610', modifiers: ['59'], diagnoses: [] },
          { code: '62264', modifiers: ['XS'], diagnoses: [] },
        ),
        first,
      );
      expect(brief(before.filter((f) => !noPtpData(f)))).toEqual([
        { rule: 'modifier', severity: 'warning', lines: [1, 2], codes: [] },
      ]);
      await importFile(ctx, { fileName: guide[0], bytes: Buffer.from(guide[1]) }, guide[2]);
      const second = await ruleIndexesFor(ctx);
      expect(second.edits).toBe(first.edits);
      expect(second.reference).not.toBe(first.reference);
      expect(
        checkClaim(claim({ code: '20610', modifiers: ['59'], diagnoses: [] }), second).filter(
          (f) => !noPtpData(f),
        ),
      ).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
