import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { addWatchedCodes } from './watch-list.ts';
import { watchListChanges } from './watch-list-changes.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Sample rows written for this test (codes chosen outside the starter library's, no CMS values).
const mueHeader = 'HCPCS Code,Practitioner Services MUE Values,MUE Adjudication Indicator';
const releases: [string, string, string[]][] = [
  [
    'mue-2031-q1.csv',
    '2031-01-01',
    ['10101,1,2 Date of Service Edit: Policy', '10102,4,1 Line Edit'],
  ],
  [
    'mue-2031-q2.csv',
    '2031-04-01',
    ['10101,2,2 Date of Service Edit: Policy', '10102,6,1 Line Edit'],
  ],
];

describe('the watch list with what the newest releases changed for it', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite'));
    for (const [fileName, effective, rows] of releases) {
      await importFile(
        ctx,
        { fileName, bytes: Buffer.from([mueHeader, ...rows].join('\n')) },
        { kind: 'ncci-mue', setting: 'practitioner', effective, title: fileName },
      );
    }
  });
  afterAll(() => opened.close());

  test('an empty list gets no changes, however much the releases changed', async () => {
    expect(await watchListChanges(ctx, 'en')).toEqual({ codes: 0, changes: [] });
  });

  test("only the watched codes' changes, worded and cited like the card's", async () => {
    await addWatchedCodes(ctx, ['10101'], null);
    const { codes, changes } = await watchListChanges(ctx, 'en');
    expect(codes).toBe(1);
    expect(changes).toHaveLength(1);
    const [mue] = changes;
    expect(mue?.heading).toBe(`Changed in ${mue?.release}`);
    expect(mue?.note).toContain('the codes on the watch list');
    expect(mue?.items.map((item) => item.text)).toEqual([
      'The MUE value of 10101 changed from 1 to 2.',
    ]);
    // Cited to the row in each release.
    expect(mue?.items[0]?.citations.map((c) => c.locator)).toHaveLength(2);
  });

  test('in the reader’s language', async () => {
    const { changes } = await watchListChanges(ctx, 'es');
    expect(changes[0]?.note).toContain('lista de seguimiento');
  });
});
