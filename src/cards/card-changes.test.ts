import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { orderLine } from '../library/formats/icd10cm-test-fixtures.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { composeCard } from './compose-card.ts';

// Sample rows written for this test (not CMS content).
const hcpcsHeader =
  'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,PRICE1,COV,ADD DT,ACT EFF DT,TERM DT,ACTION CD';
const files: [string, string[]][] = [
  [
    'HCPC2026_JAN_ANWEB.csv',
    [hcpcsHeader, 'G9901,0010,3,Sample service one,Sample one,11,C,20200101,20200101,,N'],
  ],
  [
    'HCPC2026_APR_ANWEB.csv',
    [hcpcsHeader, 'G9901,0010,3,Sample service one,Sample one,13,C,20200101,20260401,20261231,D'],
  ],
  [
    'icd10cm_order_2025.txt',
    [orderLine(1, 'Q98', '0', 'Sample category'), orderLine(2, 'Q985', '1', 'Sample code')],
  ],
  [
    'icd10cm_order_2026.txt',
    [
      orderLine(1, 'Q98', '0', 'Sample category'),
      orderLine(2, 'Q985', '0', 'Sample code'),
      orderLine(3, 'Q9851', '1', 'Sample child'),
    ],
  ],
];

describe('the card says what changed in the release in force', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite'));
    for (const [fileName, rows] of files)
      await importFile(ctx, { fileName, bytes: Buffer.from(rows.join('\n')) }, {});
  });
  afterAll(() => opened.close());

  test('HCPCS: "Changed in April 2026", each change cited to both rows', async () => {
    const card = await composeCard(ctx, {
      code: 'G9901',
      system: 'hcpcs',
      dos: '2026-05-01',
      setting: 'practitioner',
      lang: 'en',
    });
    expect(card.changes).toHaveLength(1);
    const [changes] = card.changes!;
    expect(changes).toMatchObject({
      heading: 'Changed in April 2026',
      note: 'HCPCS: what changed for G9901 since the January 2026 release.',
    });
    expect(changes!.items.map((item) => item.text)).toEqual([
      'G9901 was terminated: its last valid day is 2026-12-31.',
      'The pricing indicator of G9901 changed from 11 to 13.',
    ]);
    expect(changes!.items[0]!.citations.map((c) => c.label)).toEqual([
      'HCPCS, January 2026, row 2',
      'HCPCS, April 2026, row 2',
    ]);
  });

  test('ICD-10-CM in Spanish: a billable code that became a header; no changes before the new release', async () => {
    const card = await composeCard(ctx, {
      code: 'Q98.5',
      system: 'icd10cm',
      dos: '2025-11-01',
      setting: 'practitioner',
      lang: 'es',
    });
    expect(card.changes?.[0]?.heading).toBe('Cambió en FY2026');
    expect(card.changes?.[0]?.items.map((item) => [item.kind, item.lang])).toEqual([
      ['billable-to-header', 'es'],
    ]);
    const before = await composeCard(ctx, {
      code: 'Q98.5',
      system: 'icd10cm',
      dos: '2025-06-01',
      setting: 'practitioner',
      lang: 'en',
    });
    expect(before.changes).toBeUndefined();
  });
});
