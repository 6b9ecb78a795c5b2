import { describe, expect, test } from 'vitest';
import type { Release, ReleaseDiff } from './change-types.ts';
import { changesCsv } from './changes-csv.ts';

const release = (documentId: number, label: string, partial = false): Release => ({
  documentId,
  datasetKey: 'hcpcs',
  baseDataset: 'hcpcs',
  kind: 'hcpcs',
  title: `Sample ${label}`,
  setting: null,
  system: 'hcpcs',
  release: label,
  partial,
  effectiveFrom: null,
  effectiveTo: null,
});

describe('changes as CSV', () => {
  test('one row per change with both rows cited; file text cannot run as a formula', () => {
    const from = release(1, 'January 2026');
    const to = release(2, 'April 2026');
    const diff: ReleaseDiff = {
      from,
      to,
      scope: { coverage: 'complete', outsideExcerpt: 0, outsideOlderExcerpt: 0, codes: null },
      counts: { 'descriptor-changed': 1 },
      changes: [
        {
          kind: 'descriptor-changed',
          key: 'G9902',
          codes: ['G9902'],
          field: 'longDescription',
          before: 'Sample, old',
          after: '=HYPERLINK("x")',
          citations: [
            { documentId: 1, title: from.title, version: from.release, locator: 'line 3' },
            { documentId: 2, title: to.title, version: to.release, locator: 'line 4' },
          ],
        },
      ],
    };
    expect(changesCsv([diff]).split('\n')).toEqual([
      'dataset,from,to,change,key,codes,field,before,after,fromRow,toRow',
      `hcpcs,January 2026,April 2026,descriptor-changed,G9902,G9902,longDescription,"Sample, old","'=HYPERLINK(""x"")",line 3,line 4`,
      '',
    ]);
  });
});

describe('the API contract', () => {
  test('names the same change kinds as the engine', async () => {
    const { changeKindSchema } = await import('../contracts/changes.ts');
    const { changeKinds } = await import('../domain/change-kind.ts');
    expect(changeKindSchema.options).toEqual([...changeKinds]);
  });
});
