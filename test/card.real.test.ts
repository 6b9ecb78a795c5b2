import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { composeCard } from '../src/cards/compose-card.ts';
import { openDatabase, type OpenDatabase } from '../src/db/database.ts';
import { importFile } from '../src/library/import.service.ts';
import { type LibraryContext } from '../src/library/library-context.ts';
import { testContext } from './support/test-context.ts';
import type { ImportResult } from '../src/library/import-result.ts';

const shared = resolve(import.meta.dirname, '../../shared/data');
const ptpFile = join(shared, 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv');
const mueFile = join(shared, 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv');

describe('cards from the real hospital NCCI subsets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-card-real-'));
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let ptp: ImportResult;
  let mue: ImportResult;

  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'store') });
    ctx = testContext(opened);
    ptp = await importFile(ctx, { fileName: basename(ptpFile), bytes: readFileSync(ptpFile) });
    mue = await importFile(ctx, { fileName: basename(mueFile), bytes: readFileSync(mueFile) });
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = { dos: '2026-11-27', setting: 'hospital', lang: 'en' } as const;

  // The hospital subset has no rationale column: the card states column 1 / column 2 and the
  // indicator, and claims no "includes" or "mutually exclusive" it cannot source (issue 12 §4).
  test('62264: column 2 of 62263 (indicator 0), column 1 of 77003 (indicator 1), MUE 1 per day', async () => {
    const card = await composeCard(ctx, { ...request, code: '62264' });
    const edits = card.tables.find((table) => table.kind === 'ptp')!.rows;
    const in62263 = edits.find((row) => row.otherCode === '62263');
    expect(in62263).toMatchObject({ column: 2, modifierIndicator: 0, rationale: null });
    expect(in62263?.citation).toMatchObject({
      documentId: ptp.document.id,
      locator: expect.stringMatching(/^line \d+$/) as unknown,
      label: expect.stringMatching(/^NCCI PTP, outpatient hospital, .*row \d+$/) as unknown,
    });
    const with77003 = edits.find((row) => row.otherCode === '77003');
    expect(with77003).toMatchObject({ column: 1, modifierIndicator: 1 });
    // No rationale column: the glance says "not reported with", never "includes".
    expect(card.glance.map((l) => l.text).join(' ')).not.toMatch(/Includes|Mutually exclusive/);
    const mueRows = card.tables.find((table) => table.kind === 'mue')!.rows;
    expect(mueRows[0]).toMatchObject({ value: 1, citation: { documentId: mue.document.id } });
    expect(card.glance.some((l) => /No more than 1 unit per day/.test(l.text))).toBe(true);
    for (const section of card.sections)
      for (const item of section.items) expect(item.citations.length).toBeGreaterThan(0);
  });

  test('62263 lists its edit with 62264 as column 1, indicator 0', async () => {
    const card = await composeCard(ctx, { ...request, code: '62263' });
    const edits = card.tables.find((table) => table.kind === 'ptp')!.rows;
    const with62264 = edits.find((row) => row.otherCode === '62264');
    expect(with62264).toMatchObject({ column: 1, modifierIndicator: 0 });
  });

  test('hospital edits are not shown for a practitioner card, and an unknown code is not in the library', async () => {
    const card = await composeCard(ctx, {
      ...request,
      setting: 'practitioner',
      code: '62264',
    }).catch((e: unknown) => e);
    expect(String(card)).toMatch(/not in your library/);
    await expect(composeCard(ctx, { ...request, code: '99999' })).rejects.toThrow(
      /99999 is not in your library/,
    );
  });
});
