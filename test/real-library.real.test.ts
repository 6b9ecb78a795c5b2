import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lookupCode } from '../src/codes/code-lookup.ts';
import { searchCodes } from '../src/codes/code-search.ts';
import { openDatabase, type OpenDatabase } from '../src/db/database.ts';
import { importFile } from '../src/library/import.service.ts';
import { type LibraryContext } from '../src/library/library-context.ts';
import { testContext } from './support/test-context.ts';
import type { ImportResult } from '../src/library/import-result.ts';

/** The real CMS/CDC files, read where they are (never copied into the project). */
const shared = resolve(import.meta.dirname, '../../shared/data');
const files = {
  icdOrder: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  icdTabular: 'icd10cm/fy2021/icd10cm_tabular_2021.xml',
  icdOrder2026: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
  hcpcs2020: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
  hcpcs2026: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
  ptpHospital: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
  ptpPractitioner: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
  mueHospital: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
  muePractitioner: 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
  rvu: 'mpfs-2026/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv',
} as const;

describe('the real CMS/CDC library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-real-'));
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const results = {} as Record<keyof typeof files, ImportResult>;
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    (await query.execute(ctx.db)).rows[0]!.n;

  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'store') });
    ctx = testContext(opened);
    for (const [key, path] of Object.entries(files) as [keyof typeof files, string][]) {
      const full = join(shared, path);
      results[key] = await importFile(ctx, { fileName: basename(full), bytes: readFileSync(full) });
    }
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('stores the expected rows of each file', async () => {
    const billable = await count(sql<{ n: number }>`
      select count(*)::int as n from code_descriptors
      where document_id = ${results.icdOrder.document.id} and billable`);
    expect(billable).toBe(72_621);
    expect(results.icdOrder.rowsStored).toBe(95_358);
    expect(results.hcpcs2020.rowsStored).toBe(7_079);
    expect(results.ptpHospital).toMatchObject({
      rowsStored: 2_812,
      document: { setting: 'hospital' },
    });
    expect(results.mueHospital).toMatchObject({
      rowsStored: 108,
      document: { setting: 'hospital' },
    });
    expect(results.ptpPractitioner).toMatchObject({
      rowsStored: 154,
      document: { setting: 'practitioner' },
    });
    expect(results.muePractitioner).toMatchObject({
      rowsStored: 44,
      document: { effective_from: '2026-07-01' },
    });
    expect(results.rvu.rowsStored).toBe(61);
    expect(results.icdOrder2026.document.partial).toBe(true);
    const edits = await count(sql<{ n: number }>`
      select count(*)::int as n from ptp_edits
      where document_id = ${results.ptpPractitioner.document.id} and effective_from is not null and rationale is not null`);
    expect(edits).toBe(154);
  });

  test('M54.16 shows the FY2021 description with its sources; notes are stored with their codes', async () => {
    const m5416 = await lookupCode(ctx, 'M54.16', { dos: '2021-03-01' });
    expect(m5416).toMatchObject({
      system: 'icd10cm',
      code: 'M54.16',
      description: 'Radiculopathy, lumbar region',
      billable: true,
    });
    expect(m5416.sources.map((s) => s.documentId)).toEqual(
      expect.arrayContaining([results.icdOrder.document.id, results.icdTabular.document.id]),
    );
    expect(
      m5416.sources.find((s) => s.documentId === results.icdOrder.document.id)?.locator,
    ).toMatch(/^line \d+$/);
    expect(m5416.notes).toContainEqual(
      expect.objectContaining({
        code: 'M54',
        type: 'excludes1',
        text: expect.stringContaining('psychogenic dorsalgia') as unknown,
      }),
    );
    const notes = await count(sql<{ n: number }>`
      select count(*)::int as n from code_notes where document_id = ${results.icdTabular.document.id}`);
    expect(notes).toBeGreaterThan(20_000);
  });

  test('a later release is seen from its date: M54.5 was billable in FY2021, a header in FY2026', async () => {
    expect((await lookupCode(ctx, 'M545', { dos: '2021-03-01' })).billable).toBe(true);
    const fy2026 = await lookupCode(ctx, 'M54.5', { dos: '2026-03-15' });
    expect(fy2026.billable).toBe(false);
    expect(fy2026.sources[0]?.documentId).toBe(results.icdOrder2026.document.id);
    expect((await lookupCode(ctx, 'M54.50', { dos: '2026-03-15' })).billable).toBe(true);
    await expect(lookupCode(ctx, 'M54.50', { dos: '2021-03-01' })).rejects.toThrow(/M54.50/);
    // FY2027 (from 2026-10-01): no order file of the library speaks for it.
    await expect(lookupCode(ctx, 'M54.5', { dos: '2026-11-27' })).rejects.toThrow(
      /no icd10cm release for that date/,
    );
  });

  test('J1040 has its HCPCS description; search finds codes by words and synonyms', async () => {
    const j1040 = await lookupCode(ctx, 'J1040', { dos: '2026-11-27' });
    expect(j1040.system).toBe('hcpcs');
    expect(j1040.description).toMatch(/methylprednisolone acetate, 80 mg/i);
    expect(j1040.sources[0]?.documentId).toBe(results.hcpcs2020.document.id);

    const sciatica = await searchCodes(ctx, 'sciatica', { dos: '2021-03-01', system: 'icd10cm' });
    expect(sciatica.map((r) => r.code)).toEqual(expect.arrayContaining(['M54.3', 'M54.4']));
    // "Lumbar neuritis or radiculitis NOS" is an inclusion term of M54.1, not its descriptor.
    const synonym = await searchCodes(ctx, 'lumbar radiculitis', { dos: '2021-03-01' });
    expect(synonym.map((r) => r.code)).toContain('M54.1');
    const drug = await searchCodes(ctx, 'methylprednisolone', {
      dos: '2021-03-01',
      system: 'hcpcs',
    });
    expect(drug.map((r) => r.code)).toEqual(expect.arrayContaining(['J1020', 'J1030', 'J1040']));
  });
});
