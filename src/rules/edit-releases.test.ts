import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { down, up } from '../db/migrations/20261205070000-create-edit-scopes.ts';
import { dayOf } from '../domain/day.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { buildEditIndex } from './edit-index.ts';
import { buildEditReleases, coversCode, type EditReleases } from './edit-releases.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Sample edits written for this test (not CMS content).
const header = 'Column 1,Column 2,Effective Date,Deletion Date,Modifier Indicator\n';
const csv = (rows: string[]) => Buffer.from(header + rows.join('\n'));

/** What a test compares: each release's file, coverage and first day, by kind. */
function summary(releases: EditReleases) {
  const describe = (list: EditReleases['ptpReleases']) =>
    list.map((r) => ({
      file: r.fileName,
      speaksFrom: r.speaksFrom,
      coverage:
        r.coverage.kind === 'set'
          ? { kind: 'set', codes: [...r.coverage.codes].sort() }
          : r.coverage,
    }));
  return { ptp: describe(releases.ptpReleases), mue: describe(releases.mueReleases) };
}

describe.each(testDatabaseKinds())(
  'NCCI releases and what they cover, without their rows (%s)',
  (kind) => {
    let opened: OpenDatabase;
    let ctx: LibraryContext;

    beforeAll(async () => {
      ({ opened, ctx } = await openTestLibrary(kind));
      const practitioner = { setting: 'practitioner' as const, effective: '2026-10-01' };
      await importFile(
        ctx,
        {
          fileName: 'ccipra-v333r0-complete.csv',
          bytes: csv(['30001,30002,20200101,,1', '30001,30003,,,0', '40001,40002,20250401,,1']),
        },
        practitioner,
      );
      await importFile(
        ctx,
        {
          fileName: 'ccipra-v333r0-excerpt.csv',
          bytes: csv(['10005,10002,20240101,,1', '10001,10009,20190701,,1', '10003,10004,,,0']),
        },
        practitioner,
      );
      await importFile(
        ctx,
        {
          fileName: 'ccioph-v333r0-subset.csv',
          bytes: csv(['50009,50001,,,1', '50002,50001,,,1', '50009,50003,,,9']),
        },
        { setting: 'hospital', effective: '2026-10-01' },
      );
      await importFile(
        ctx,
        {
          fileName: 'mue-practitioner-subset-Eff_10-01-2026.csv',
          bytes: Buffer.from(
            'HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n' +
              '30001,1,2 Date of Service Edit: Policy\n30002,2,3 Date of Service Edit: Clinical\n',
          ),
        },
        { setting: 'practitioner' },
      );
    });
    afterAll(async () => opened.close());

    test('are recorded at import: a complete release, an excerpt range, a subset set', async () => {
      const releases = await buildEditReleases(ctx);
      expect(summary(releases)).toEqual({
        ptp: [
          {
            file: 'ccipra-v333r0-complete.csv',
            speaksFrom: dayOf('2020-01-01'),
            coverage: { kind: 'complete' },
          },
          {
            file: 'ccipra-v333r0-excerpt.csv',
            speaksFrom: dayOf('2019-07-01'),
            coverage: { kind: 'range', first: '10001', last: '10005' },
          },
          {
            file: 'ccioph-v333r0-subset.csv',
            speaksFrom: dayOf('2026-10-01'),
            coverage: { kind: 'set', codes: ['50002', '50009'] },
          },
        ],
        mue: [
          {
            file: 'mue-practitioner-subset-Eff_10-01-2026.csv',
            speaksFrom: dayOf('2026-10-01'),
            coverage: { kind: 'set', codes: ['30001', '30002'] },
          },
        ],
      });
      const hospital = releases.ptpReleasesOn('hospital', dayOf('2026-11-02'));
      expect(coversCode(hospital, '50009')).toBe(true);
      expect(coversCode(hospital, '50001')).toBe(false);
    });

    test('the edit index reads the rows under the same releases', async () => {
      const index = await buildEditIndex(ctx);
      expect(summary(index)).toEqual(summary(await buildEditReleases(ctx)));
      const c1 = index.codeId('10001')!;
      const c2 = index.codeId('10009')!;
      expect(index.ptpRows('practitioner', c1, c2)).toHaveLength(1);
    });

    test('every row is read once, whatever slice bounds the releases recorded', async () => {
      const { rows } = await sql<{ column1: string; column2: string; setting: string }>`
        select p.column1, p.column2, d.setting from ptp_edits p
        join documents d on d.id = p.document_id`.execute(opened.db);
      await sql`update edit_scopes set slice_bounds = array['10003', '30001', '50002']
        where document_id = (select min(document_id) from edit_scopes)`.execute(opened.db);
      await sql`update edit_scopes set slice_bounds = array['10002', '50009']
        where document_id = (select max(document_id) from edit_scopes)`.execute(opened.db);
      const index = await buildEditIndex(ctx);
      const pairs = new Map(rows.map((r) => [`${r.setting} ${r.column1} ${r.column2}`, r]));
      let found = 0;
      for (const r of pairs.values())
        found += index.ptpRows(
          r.setting,
          index.codeId(r.column1)!,
          index.codeId(r.column2)!,
        ).length;
      expect(rows.length).toBeGreaterThan(0);
      expect(found).toBe(rows.length);
    });

    test('are summarised from the rows for releases imported before they were recorded', async () => {
      const recorded = summary(await buildEditReleases(ctx));
      const db = opened.db as unknown as Kysely<unknown>;
      await down(db);
      await up(db);
      expect(summary(await buildEditReleases(ctx))).toEqual(recorded);
    });

    test('a release with no recorded scope covers nothing: its silence is never "no edit"', async () => {
      await sql`delete from edit_scopes`.execute(opened.db);
      const releases = await buildEditReleases(ctx);
      const practitioner = releases.ptpReleasesOn('practitioner', dayOf('2026-11-02'));
      expect(practitioner.length).toBeGreaterThan(0);
      expect(coversCode(practitioner, '30001')).toBe(false);
    });
  },
);
