import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Claim, ClaimLine } from '../claims/claim-types.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { importFile } from '../library/import.service.ts';
import { checkEdits } from './check-claim.ts';
import { buildEditIndex, type EditIndex } from './edit-index.ts';
import { editIndexFor } from './edit-index-cache.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Sample edits written for this test (not a CMS release): hospital setting.
const ptp = [
  'column_1,column_2,modifier_indicator',
  '62263,62264,0',
  '62264,77003,1',
  '62323,77003,1',
  '62323,62284,9',
].join('\n');
const mue = [
  'hcpcs_cpt_code,outpatient_hospital_mue_value,mue_adjudication_indicator,mue_rationale',
  '62323,1,3,Clinical: Data',
  '64484,4,3,Clinical: Data',
  '77003,1,1,CMS Policy',
].join('\n');

function claim(...lines: Partial<ClaimLine>[]): Claim {
  return {
    id: 'c1',
    setting: 'hospital',
    lines: lines.map((line, i) => ({
      code: '62264',
      modifiers: [],
      units: 1,
      dateOfService: '2026-11-02',
      diagnoses: [],
      provider: null,
      source: `line ${i + 1}`,
      ...line,
    })),
  };
}

describe.each(testDatabaseKinds())(
  'PTP and MUE rules over the in-memory edit index (%s)',
  (kind) => {
    let opened: OpenDatabase;
    let index: EditIndex;
    let ptpDocument: number;

    beforeAll(async () => {
      const library = await openTestLibrary(kind);
      opened = library.opened;
      const ctx = library.ctx;
      const options = { setting: 'hospital', effective: '2026-10-01' } as const;
      ptpDocument = (
        await importFile(ctx, { fileName: 'sample-ptp.csv', bytes: Buffer.from(ptp) }, options)
      ).document.id;
      await importFile(ctx, { fileName: 'sample-mue.csv', bytes: Buffer.from(mue) }, options);
      index = await buildEditIndex(ctx);
    });
    afterAll(async () => opened.close());

    test('indicator 1 without a modifier is an error on the column 2 line, cited to the edit', () => {
      const findings = checkEdits(claim({ code: '62264' }, { code: '77003' }), index);
      expect(findings).toEqual([
        expect.objectContaining({
          rule: 'ptp',
          severity: 'error',
          lines: [2],
          codes: ['62264', '77003'],
        }),
      ]);
      expect(findings[0]?.citations[0]).toMatchObject({
        documentId: ptpDocument,
        locator: 'line 3',
      });
    });

    test('XS on either line turns it into an info finding', () => {
      const findings = checkEdits(
        claim({ code: '62264' }, { code: '77003', modifiers: ['XS'] }),
        index,
      );
      expect(findings).toEqual([
        expect.objectContaining({ rule: 'ptp', severity: 'info', modifiers: ['XS'] }),
      ]);
    });

    test('indicator 0 is an error whatever the modifiers; 9 gives nothing; other dates do not pair', () => {
      const both59 = checkEdits(
        claim({ code: '62263', modifiers: ['59'] }, { code: '62264', modifiers: ['59'] }),
        index,
      );
      expect(both59).toEqual([
        expect.objectContaining({ rule: 'ptp', severity: 'error', lines: [2] }),
      ]);
      expect(checkEdits(claim({ code: '62323' }, { code: '62284' }), index)).toEqual([]);
      expect(
        checkEdits(claim({ code: '62263' }, { code: '62264', dateOfService: '2026-11-03' }), index),
      ).toEqual([]);
    });

    test('edits without dates of their own are not in force before their release, and the claim says the library cannot tell', () => {
      expect(
        checkEdits(
          claim(
            { code: '62263', dateOfService: '2026-09-30' },
            { code: '62264', dateOfService: '2026-09-30' },
          ),
          index,
        ),
      ).toEqual([
        expect.objectContaining({
          rule: 'ptp',
          severity: 'warning',
          lines: [1, 2],
          message: expect.stringContaining(
            'holds no hospital outpatient NCCI PTP edits for 2026-09-30',
          ) as string,
        }),
        expect.objectContaining({
          rule: 'mue',
          severity: 'warning',
          message: expect.stringContaining(
            'holds no hospital outpatient MUE file for 2026-09-30',
          ) as string,
        }),
      ]);
    });

    test('MUE: date-of-service edits sum units across lines; line edits look at one line', () => {
      expect(checkEdits(claim({ code: '62323', units: 2 }), index)).toEqual([
        expect.objectContaining({ rule: 'mue', severity: 'error', lines: [1], codes: ['62323'] }),
      ]);
      expect(checkEdits(claim({ code: '64484', units: 4 }), index)).toEqual([]);
      expect(
        checkEdits(claim({ code: '64484', units: 3 }, { code: '64484', units: 2 }), index),
      ).toEqual([expect.objectContaining({ rule: 'mue', lines: [1, 2] })]);
      expect(checkEdits(claim({ code: '77003' }, { code: '77003' }), index)).toEqual([]);
      expect(checkEdits(claim({ code: '77003', units: 2 }), index)).toEqual([
        expect.objectContaining({ rule: 'mue', lines: [1] }),
      ]);
    });
  },
);

describe('the shared edit index', () => {
  test('is reused while the library is unchanged and rebuilt after an import', async () => {
    const { opened, ctx } = await openTestLibrary();
    try {
      const options = { setting: 'hospital', effective: '2026-10-01' } as const;
      await importFile(ctx, { fileName: 'sample-ptp.csv', bytes: Buffer.from(ptp) }, options);
      const first = await editIndexFor(ctx);
      expect(await editIndexFor(ctx)).toBe(first);
      await importFile(ctx, { fileName: 'sample-mue.csv', bytes: Buffer.from(mue) }, options);
      const second = await editIndexFor(ctx);
      expect(second).not.toBe(first);
      const errors = (index: typeof first) =>
        checkEdits(claim({ code: '62323', units: 2 }), index).filter((f) => f.severity === 'error');
      expect(errors(second)).toHaveLength(1);
      expect(errors(first)).toHaveLength(0);
    } finally {
      await opened.close();
    }
  });
});
