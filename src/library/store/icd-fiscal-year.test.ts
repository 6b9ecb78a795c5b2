import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../../db/database.ts';
import { sampleOrderText } from '../formats/icd10cm-test-fixtures.ts';
import { importFile } from '../import.service.ts';
import { type LibraryContext } from '../library-context.ts';
import { openTestLibrary } from '../../../test/support/test-library.ts';

describe('ICD-10-CM order files speak for their fiscal year', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
  });
  afterAll(async () => opened.close());

  test('a release ends on September 30 of its fiscal year; an April update ends the October file', async () => {
    const october = await importFile(
      ctx,
      { fileName: 'icd10cm_order_2026.txt', bytes: Buffer.from(sampleOrderText) },
      { kind: 'icd10cm-order' },
    );
    expect(october.document).toMatchObject({
      effective_from: '2025-10-01',
      effective_to: '2026-09-30',
    });
    // The same codes again as the April update (a different file: one more line).
    await importFile(
      ctx,
      { fileName: 'icd10cm_order_2026_april.txt', bytes: Buffer.from(`${sampleOrderText}\n`) },
      { kind: 'icd10cm-order', effective: '2026-04-01' },
    );
    const periods = await ctx.db
      .selectFrom('documents')
      .select(['effective_from', 'effective_to'])
      .where('kind', '=', 'icd10cm-order')
      .orderBy('effective_from')
      .execute();
    expect(periods).toEqual([
      { effective_from: '2025-10-01', effective_to: '2026-03-31' },
      { effective_from: '2026-04-01', effective_to: '2026-09-30' },
    ]);
  });
});
