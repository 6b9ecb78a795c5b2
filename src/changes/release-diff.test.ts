import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import type { ImportOptions } from '../library/import-kind.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { orderLine } from '../library/formats/icd10cm-test-fixtures.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import type { Change, ReleaseDiff } from './change-types.ts';
import { changesForCode, changesForCodes } from './code-changes.ts';
import { diffReleases } from './release-diff.ts';

// Every row below is sample data written for this test (not CMS content, no CPT wording).
const ptpHeader = 'Column 1,Column 2,Effective Date,Deletion Date,Modifier Indicator';
const mueHeader = 'HCPCS Code,Practitioner Services MUE Values,MUE Adjudication Indicator';
const hcpcsHeader =
  'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,PRICE1,COV,ADD DT,ACT EFF DT,TERM DT,ACTION CD';
const rvuHeader = [
  ',,,STATUS,GLOB,,,MULT,BILAT,ASST,CO-,TEAM,CONV',
  'HCPCS,MOD,DESCRIPTION,CODE,DAYS,PRE OP,POST OP,PROC,SURG,SURG,SURG,SURG,FACTOR',
];
const gpciHeader =
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2031 PW GPCI,2031 PE GPCI,2031 MP GPCI';

const practitioner = { setting: 'practitioner' } as const;
const files: [string, string[], ImportOptions][] = [
  [
    'ccipra-v331r0.csv',
    [ptpHeader, '10001,10002,20200101,,1', '10001,10003,20200101,,0', '10004,10005,20200101,,1'],
    { ...practitioner, effective: '2026-01-01', title: 'PTP-Q1' },
  ],
  [
    'ccipra-v332r0.csv',
    [
      ptpHeader,
      '10001,10002,20200101,20260331,1',
      '10001,10003,20200101,,1',
      '10006,10007,20260401,,0',
    ],
    { ...practitioner, effective: '2026-04-01', title: 'PTP-Q2' },
  ],
  [
    'mue-q1.csv',
    [
      mueHeader,
      '10001,1,2 Date of Service Edit: Policy',
      '10004,2,3 Date of Service Edit: Clinical',
      '10008,1,1 Line Edit',
    ],
    { ...practitioner, kind: 'ncci-mue', effective: '2026-01-01', title: 'MUE-Q1' },
  ],
  [
    'mue-q2.csv',
    [
      mueHeader,
      '10001,2,2 Date of Service Edit: Policy',
      '10004,2,1 Line Edit',
      '10009,3,3 Date of Service Edit: Clinical',
    ],
    { ...practitioner, kind: 'ncci-mue', effective: '2026-04-01', title: 'MUE-Q2' },
  ],
  [
    'HCPC2026_JAN_ANWEB.csv',
    [
      hcpcsHeader,
      'G9901,0010,3,Sample service one,Sample one,11,C,20200101,20200101,,N',
      'G9902,0010,3,Sample service two,Sample two,11,C,20200101,20200101,,N',
      'G9903,0010,3,Sample service three,Sample three,11,C,20200101,20200101,,N',
      'G9904,0010,3,Sample service four,Sample four,11,C,20200101,20200101,,N',
    ],
    { effective: '2026-01-01', title: 'HCPCS-JAN' },
  ],
  [
    'HCPC2026_APR_ANWEB.csv',
    [
      hcpcsHeader,
      'G9901,0010,3,Sample service one,Sample one,11,C,20200101,20200101,20260331,D',
      'G9902,0010,3,Sample service two reworded,Sample two,11,C,20200101,20260401,,C',
      'G9903,0010,3,Sample service three,Sample three,13,C,20200101,20260401,,P',
      'G9905,0010,3,Sample service five,Sample five,11,C,20260401,20260401,,A',
    ],
    { effective: '2026-04-01', title: 'HCPCS-APR' },
  ],
  [
    'HCPC2026_JUL_ANWEB.excerpt.csv',
    [hcpcsHeader, 'G9903,0010,3,Sample service three,Sample three,21,C,20200101,20260701,,P'],
    { effective: '2026-07-01', title: 'HCPCS-JUL-EXCERPT' },
  ],
  [
    'icd10cm_order_2025.txt',
    [
      orderLine(1, 'Q98', '0', 'Sample category'),
      orderLine(2, 'Q985', '1', 'Sample billable code'),
      orderLine(3, 'Q986', '0', 'Sample header code'),
      orderLine(4, 'Q9861', '1', 'Sample child'),
      orderLine(5, 'Q987', '1', 'Sample old wording'),
      orderLine(6, 'Q988', '1', 'Sample retired code'),
    ],
    {},
  ],
  [
    'icd10cm_order_2026.txt',
    [
      orderLine(1, 'Q98', '0', 'Sample category'),
      orderLine(2, 'Q985', '0', 'Sample billable code'),
      orderLine(3, 'Q9850', '1', 'Sample new child'),
      orderLine(4, 'Q986', '1', 'Sample header code'),
      orderLine(5, 'Q987', '1', 'Sample new wording'),
    ],
    {},
  ],
  [
    'PPRRVU2026_Jan.csv',
    [
      ...rvuHeader,
      '10001,,SAMPLE,A,000,0.10,0.10,2,0,1,0,0,33.4009',
      '10004,26,SAMPLE,A,000,0.10,0.10,2,0,1,0,0,33.4009',
    ],
    { effective: '2026-01-01', title: 'RVU-JAN' },
  ],
  [
    'PPRRVU2026_Apr.csv',
    [
      ...rvuHeader,
      '10001,,SAMPLE,A,090,0.10,0.10,0,0,1,0,0,33.4009',
      '10004,26,SAMPLE,A,000,0.10,0.10,2,0,1,0,0,33.4009',
    ],
    { effective: '2026-04-01', title: 'RVU-APR' },
  ],
  [
    'GPCI2025.csv',
    [
      gpciHeader,
      '90001,ZZ,01,SAMPLE CITY,1.111,1.222,1.333',
      '90001,ZZ,99,REST OF SAMPLE STATE,1.000,0.944,0.555',
    ],
    { effective: '2025-01-01', title: 'GPCI-2025' },
  ],
  [
    'GPCI2026.csv',
    [
      gpciHeader,
      '90001,ZZ,01,SAMPLE CITY,1.111,1.250,1.333',
      '90001,ZZ,99,REST OF SAMPLE STATE,1.000,0.944,0.555',
    ],
    { effective: '2026-01-01', title: 'GPCI-2026' },
  ],
];

/** "kind key field before->after" lines: what a reader checks, in a stable order. */
const lines = (diff: ReleaseDiff) =>
  diff.changes.map((c: Change) =>
    [c.kind, c.key, c.field ?? '', c.field ? `${c.before ?? ''}->${c.after ?? ''}` : '']
      .join(' ')
      .trim(),
  );

describe('what changed between two releases (sample files)', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite'));
    for (const [fileName, rows, options] of files) {
      await importFile(ctx, { fileName, bytes: Buffer.from(rows.join('\n')) }, options);
    }
  });
  afterAll(() => opened.close());

  test('PTP: pairs added, deleted by a deletion date or by leaving a complete release, indicator changed', async () => {
    const diff = await diffReleases(ctx, { from: 'PTP-Q1', to: 'PTP-Q2' });
    expect(lines(diff).sort()).toEqual([
      'added 10006/10007',
      'deleted 10001/10002 deletionDate ->2026-03-31',
      'deleted 10004/10005',
      'modifier-indicator-changed 10001/10003 modifierIndicator 0->1',
    ]);
    expect(diff.counts).toEqual({ added: 1, deleted: 2, 'modifier-indicator-changed': 1 });
    const changed = diff.changes.find((c) => c.kind === 'modifier-indicator-changed');
    expect(changed?.codes).toEqual(['10001', '10003']);
    expect(changed?.citations.map((c) => c.version)).toEqual(['v33.1', 'v33.2']);
  });

  test('MUE: value and adjudication changed, codes added and removed', async () => {
    const diff = await diffReleases(ctx, { from: 'MUE-Q1', to: 'MUE-Q2' });
    expect(lines(diff).sort()).toEqual([
      'added 10009',
      'adjudication-changed 10004 adjudication 3->1',
      'deleted 10008',
      'mue-value-changed 10001 mueValue 1->2',
    ]);
  });

  test('HCPCS: added, terminated, descriptor and pricing indicator changed; a dropped code is deleted', async () => {
    const diff = await diffReleases(ctx, { from: 'HCPCS-JAN', to: 'HCPCS-APR' });
    expect(lines(diff).sort()).toEqual([
      'added G9905',
      'attribute-changed G9903 pricingIndicator 11->13',
      'deleted G9904',
      'descriptor-changed G9902 longDescription Sample service one two->Sample service two reworded'.replace(
        'one two',
        'two',
      ),
      'terminated G9901 terminationDate ->2026-03-31',
    ]);
  });

  test('an excerpt speaks only for its codes: the rest are outside it, not deleted', async () => {
    const diff = await diffReleases(ctx, { from: 'HCPCS-APR', to: 'HCPCS-JUL-EXCERPT' });
    expect(lines(diff)).toEqual(['attribute-changed G9903 pricingIndicator 13->21']);
    expect(diff.scope).toMatchObject({ coverage: 'newer-is-excerpt', outsideExcerpt: 3 });
    // Read the other way, the excerpt cannot say what the complete release added.
    const back = await diffReleases(ctx, { from: 'HCPCS-JUL-EXCERPT', to: 'HCPCS-APR' });
    expect(lines(back)).toEqual(['attribute-changed G9903 pricingIndicator 21->13']);
    expect(back.scope).toMatchObject({ coverage: 'older-is-excerpt', outsideOlderExcerpt: 3 });
  });

  test('ICD-10-CM: added, deleted, billable to header and back, descriptor changed', async () => {
    const diff = await diffReleases(ctx, { from: '2024-10-01', to: '2025-10-01' });
    expect(lines(diff).sort()).toEqual([
      'added Q98.50',
      'billable-to-header Q98.5 billable billable->header',
      'deleted Q98.61',
      'deleted Q98.8',
      'descriptor-changed Q98.7 longDescription Sample old wording->Sample new wording',
      'header-to-billable Q98.6 billable header->billable',
    ]);
  });

  test('RVU and GPCI: the columns whose values changed', async () => {
    const rvu = await diffReleases(ctx, { from: 'RVU-JAN', to: 'RVU-APR' });
    // Columns are named by the file's own header labels (stacked header rows joined).
    expect(lines(rvu).sort()).toEqual([
      'value-changed 10001 GLOB DAYS 000->090',
      'value-changed 10001 MULT PROC 2->0',
    ]);
    const gpci = await diffReleases(ctx, { from: 'GPCI-2025', to: 'GPCI-2026' });
    expect(lines(gpci)).toEqual(['value-changed 90001/01 pe_gpci 1.222->1.250']);
  });

  test('a diff narrowed to codes keeps a PTP pair when either code is asked for', async () => {
    const diff = await diffReleases(ctx, { from: 'PTP-Q1', to: 'PTP-Q2', codes: ['10003'] });
    expect(lines(diff)).toEqual(['modifier-indicator-changed 10001/10003 modifierIndicator 0->1']);
    const icd = await diffReleases(ctx, { from: '2024-10-01', to: '2025-10-01', codes: ['q985'] });
    expect(lines(icd)).toEqual(['billable-to-header Q98.5 billable billable->header']);
  });

  test('unknown, ambiguous and mismatched release names are clear errors', async () => {
    await expect(diffReleases(ctx, { from: 'nope', to: 'PTP-Q2' })).rejects.toMatchObject({
      code: 'RELEASE_UNKNOWN',
    });
    // 2026-01-01 starts the PTP, MUE, HCPCS, RVU and GPCI releases alike.
    await expect(diffReleases(ctx, { from: '2026-01-01', to: '2026-04-01' })).rejects.toMatchObject(
      { code: 'RELEASE_AMBIGUOUS' },
    );
    await expect(diffReleases(ctx, { from: 'PTP-Q1', to: 'MUE-Q2' })).rejects.toMatchObject({
      code: 'RELEASES_DIFFER',
    });
    // The other side's dataset settles a shared date.
    const narrowed = await diffReleases(ctx, { from: '2026-01-01', to: 'PTP-Q2' });
    expect(narrowed.from.title).toBe('PTP-Q1');
    const byDataset = await diffReleases(ctx, {
      from: '2026-01-01',
      to: '2026-04-01',
      dataset: 'ncci-mue',
    });
    expect(byDataset.to.title).toBe('MUE-Q2');
  });

  test('per code: the release in force on the date against its predecessor, each dataset the card reads', async () => {
    const after = await changesForCode(ctx, {
      system: 'cpt',
      code: '10001',
      dos: '2026-05-01',
      setting: 'practitioner',
    });
    expect(after.map((d) => [d.to.title, lines(d).sort()])).toEqual([
      [
        'PTP-Q2',
        [
          'deleted 10001/10002 deletionDate ->2026-03-31',
          'modifier-indicator-changed 10001/10003 modifierIndicator 0->1',
        ],
      ],
      ['MUE-Q2', ['mue-value-changed 10001 mueValue 1->2']],
      ['RVU-APR', expect.any(Array)],
    ]);
    // Before the second releases took effect nothing had changed yet.
    expect(
      await changesForCode(ctx, {
        system: 'cpt',
        code: '10001',
        dos: '2026-02-01',
        setting: 'practitioner',
      }),
    ).toEqual([]);
    // The July excerpt holds G9903, so on a July date it is G9903's release.
    const excerpt = await changesForCode(ctx, {
      system: 'hcpcs',
      code: 'G9903',
      dos: '2026-08-01',
      setting: 'practitioner',
    });
    expect(excerpt.map((d) => [d.from.title, d.to.title])).toEqual([
      ['HCPCS-APR', 'HCPCS-JUL-EXCERPT'],
    ]);
    // G9902 is not in the excerpt: its release on that date is still April's.
    const outside = await changesForCode(ctx, {
      system: 'hcpcs',
      code: 'G9902',
      dos: '2026-08-01',
      setting: 'practitioner',
    });
    expect(outside.map((d) => [d.from.title, d.to.title])).toEqual([['HCPCS-JAN', 'HCPCS-APR']]);
  });

  test('batch: what the newest release of each dataset changed for a list of codes', async () => {
    const diffs = await changesForCodes(ctx, ['10004', 'G9903', 'Q98.5']);
    const byTitle = diffs.map((d) => [d.to.title, lines(d)]).sort();
    expect(byTitle).toEqual([
      ['HCPCS-JUL-EXCERPT', ['attribute-changed G9903 pricingIndicator 13->21']],
      [
        'ICD-10-CM code descriptions in tabular order, FY2026',
        ['billable-to-header Q98.5 billable billable->header'],
      ],
      ['MUE-Q2', ['adjudication-changed 10004 adjudication 3->1']],
      ['PTP-Q2', ['deleted 10004/10005']],
    ]);
    // With a date, the releases in force on it: in February only the ICD-10-CM one had changed.
    const february = await changesForCodes(ctx, ['10004', 'G9903', 'Q98.5'], { dos: '2026-02-01' });
    expect(february.map((d) => d.to.title)).toEqual([
      'ICD-10-CM code descriptions in tabular order, FY2026',
    ]);
  });
});
