import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { composeCard } from '../src/cards/compose-card.ts';
import { openDatabase, type OpenDatabase } from '../src/db/database.ts';
import { importFile, type ImportResult } from '../src/library/import.service.ts';
import { DEFAULT_ORG, type LibraryContext } from '../src/library/library-context.ts';

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
    ctx = { db: opened.db, engine: opened.engine, orgId: DEFAULT_ORG };
    ptp = await importFile(ctx, { fileName: basename(ptpFile), bytes: readFileSync(ptpFile) });
    mue = await importFile(ctx, { fileName: basename(mueFile), bytes: readFileSync(mueFile) });
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = { dos: '2026-11-27', setting: 'hospital', lang: 'en' } as const;

  test('62264: 62263 is included-in (indicator 0), 77003 includes (indicator 1), MUE 1 per day', async () => {
    const card = await composeCard(ctx, { ...request, code: '62264' });
    const bundling = card.sections.find((s) => s.id === 'bundling')!.items;
    const in62263 = bundling.find((i) => i.codes?.includes('62263'));
    expect(in62263).toMatchObject({ relation: 'included-in', modifierIndicator: 0 });
    expect(in62263?.citations[0]).toMatchObject({
      documentId: ptp.document.id,
      locator: expect.stringMatching(/^line \d+$/) as unknown,
    });
    const with77003 = bundling.find((i) => i.codes?.includes('77003'));
    expect(with77003).toMatchObject({ relation: 'includes', modifierIndicator: 1 });
    const reporting = card.sections.find((s) => s.id === 'reporting')!.items;
    expect(reporting[0]?.text).toMatch(/No more than 1 unit per day/);
    expect(reporting[0]?.citations[0]).toMatchObject({ documentId: mue.document.id });
    for (const section of card.sections)
      for (const item of section.items) expect(item.citations.length).toBeGreaterThan(0);
  });

  test('62263 lists 62264 under includes', async () => {
    const card = await composeCard(ctx, { ...request, code: '62263' });
    const bundling = card.sections.find((s) => s.id === 'bundling')!.items;
    expect(bundling.find((i) => i.codes?.includes('62264'))).toMatchObject({
      relation: 'includes',
      modifierIndicator: 0,
    });
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
