import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../claims/claim-types.ts';
import type { OpenDatabase } from '../db/database.ts';
import { composeCard } from '../cards/compose-card.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { checkClaim } from './check-claim.ts';
import type { RuleIndexes } from './check-context.ts';
import { ruleIndexesFor } from './claim-checker.ts';
import type { Finding } from './finding.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// The shared CMS file is read where it is, never copied into the project.
const dataDir = path.resolve(import.meta.dirname, '../../../shared/data');
const rvuFile = 'mpfs-2026/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv';
const rvuLines = readFileSync(path.join(dataDir, rvuFile), 'latin1').split(/\r?\n/);
/** The real file's own line that a citation names ("line 12"), split into its columns. */
const citedRow = (locator: string) =>
  rvuLines[Number(/^line (\d+)$/.exec(locator)?.[1]) - 1]!.split(',');
// Columns of the CMS layout (0-based): HCPCS, STATUS CODE, MULT PROC, BILAT SURG.
const [HCPCS, STATUS, MULT_PROC, BILAT_SURG] = [0, 3, 18, 19];

// A TEST FIXTURE in the CMS column order, values chosen for this test (not CMS data): a code
// whose indicators allow both modifiers (MULT PROC 2, BILAT SURG 1).
const fixtureRow =
  'HCPCS,MOD,DESCRIPTION,STATUS CODE,GLOB DAYS,MULT PROC,BILAT SURG,ASST SURG,CO-SURG,TEAM SURG\n' +
  '99990,,SAMPLE fixture procedure,A,010,2,1,1,0,0';

function claim(code: string, modifiers: string[]): Claim {
  return {
    id: 'real-rvu',
    setting: 'practitioner',
    lines: [
      {
        code,
        modifiers,
        units: 1,
        dateOfService: '2026-08-03',
        diagnoses: [],
        provider: null,
        source: 'line 1',
      },
    ],
  };
}

/** Issue 19 §3: the real RVU rows' indicators decide modifiers 51 and 50. */
describe('modifiers 51 and 50 against the real MPFS RVU excerpt', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let indexes: RuleIndexes;
  const modifierErrors = (code: string, modifiers: string[]): Finding[] =>
    checkClaim(claim(code, modifiers), indexes).filter(
      (f) => f.rule === 'modifier' && f.severity === 'error',
    );

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
    const bytes = readFileSync(path.join(dataDir, rvuFile));
    await importFile(ctx, { fileName: path.basename(rvuFile), bytes });
    await importFile(
      ctx,
      { fileName: 'sample-rvu-fixture.csv', bytes: Buffer.from(fixtureRow) },
      { kind: 'mpfs-rvu', effective: '2026-01-01' },
    );
    indexes = await ruleIndexesFor(ctx);
  });
  afterAll(async () => opened.close());

  // A Category II code (status I) and an anesthesia code (status J) from the real rows.
  it.each(['0001F', '00100'])(
    '51 on %s (real MULT PROC 9) is refused, citing its own row of the file',
    (code) => {
      const findings = modifierErrors(code, ['51']);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.modifiers).toEqual(['51']);
      const row = citedRow(findings[0]!.citations[0]!.locator);
      expect(row[HCPCS]).toBe(code);
      expect(row[MULT_PROC]).toBe('9');
      expect(['I', 'J']).toContain(row[STATUS]);
      expect(findings[0]!.message).toContain('multiple-procedure indicator is 9');
    },
  );

  it.each(['0005F', '00102'])(
    '50 on %s (real BILAT SURG 9) is refused, citing its own row of the file',
    (code) => {
      const findings = modifierErrors(code, ['50']);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.modifiers).toEqual(['50']);
      const row = citedRow(findings[0]!.citations[0]!.locator);
      expect(row[HCPCS]).toBe(code);
      expect(row[BILAT_SURG]).toBe('9');
      expect(findings[0]!.message).toContain('bilateral surgery indicator is 9');
    },
  );

  it('every real row with MULT PROC 9 refuses 51 (counted from the file independently)', () => {
    const nines = rvuLines
      .map((line) => line.split(','))
      .filter((cols) => /^[0-9A-Z]{5}$/.test(cols[HCPCS] ?? '') && cols[1] === '')
      .filter((cols) => cols[MULT_PROC] === '9')
      .map((cols) => cols[HCPCS]!);
    expect(nines).toHaveLength(61);
    const refused = nines.filter((code) => modifierErrors(code, ['51']).length === 1);
    expect(refused).toEqual(nines);
  });

  it('the card of 0001F says what the check says, from the same row', async () => {
    const [finding] = modifierErrors('0001F', ['51']);
    const card = await composeCard(ctx, {
      code: '0001F',
      dos: '2026-08-03',
      setting: 'practitioner',
      lang: 'en',
    });
    const items = card.sections.find((s) => s.id === 'modifiers')!.items;
    const multiple = items.find((i) => i.text.startsWith('Multiple-procedure indicator 9'))!;
    expect(multiple.text).toContain('modifier 51 does not apply');
    expect(multiple.citations[0]!.locator).toBe(finding!.citations[0]!.locator);
    const bilateral = items.find((i) => i.text.startsWith('Bilateral-surgery indicator 9'))!;
    expect(bilateral.text).toContain('modifier 50 does not apply');
    expect(bilateral.citations[0]!.locator).toBe(
      modifierErrors('0001F', ['50'])[0]!.citations[0]!.locator,
    );
  });

  it('the fixture row with indicators 2 and 1 takes both 51 and 50', () => {
    expect(modifierErrors('99990', ['51'])).toEqual([]);
    expect(modifierErrors('99990', ['50'])).toEqual([]);
    expect(modifierErrors('99990', ['51', '50'])).toEqual([]);
  });
});
