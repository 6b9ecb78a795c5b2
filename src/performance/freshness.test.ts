import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { sampleOrderText } from '../library/formats/icd10cm-test-fixtures.ts';
import { sampleHcpcsTxt } from '../library/formats/structured-test-fixtures.ts';
import { importFile } from '../library/import.service.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { staleDatasets } from './freshness.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

describe('freshness of every dataset with a publication cycle', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
    await importFile(ctx, {
      fileName: 'HCPC2020_ANWEB_w_disclaimer.txt',
      bytes: Buffer.from(sampleHcpcsTxt, 'latin1'),
    });
    await importFile(ctx, {
      fileName: 'icd10cm_order_2021.txt',
      bytes: Buffer.from(sampleOrderText),
    });
  });
  afterAll(async () => opened.close());

  test('HCPCS by calendar year and ICD-10-CM by fiscal year', async () => {
    expect(await staleDatasets(ctx, '2020-12-31')).toEqual([]);
    expect((await staleDatasets(ctx, '2021-01-01')).map((s) => [s.kind, s.reason])).toEqual([
      ['hcpcs', 'older-than-current-release'],
    ]);
    const later = await staleDatasets(ctx, '2026-11-02');
    expect(later.map((s) => [s.kind, s.releasePeriod, s.currentPeriod])).toEqual(
      expect.arrayContaining([
        ['hcpcs', '2020', '2026'],
        ['icd10cm-order', 'FY2021', 'FY2027'],
      ]),
    );
  });
});
