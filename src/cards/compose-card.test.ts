import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { importFile } from '../library/import.service.ts';
import { removeDocument } from '../library/library.service.ts';
import { cardSectionIds } from '../domain/card-section.ts';
import { composeCard } from './compose-card.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

describe('the code card over the starter library', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const request = {
    code: '62264',
    dos: '2026-11-27',
    setting: 'practitioner',
    lang: 'en',
  } as const;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
  });
  afterAll(async () => opened.close());

  test('62264 shows every section, every item cited, prose quoted', async () => {
    const card = await composeCard(ctx, request);
    expect(card.sections.map((s) => s.id)).toEqual([...cardSectionIds]);
    // Every section has content; the starter NCCI files (first quarter) are old for November.
    expect(card.gaps.map((g) => [g.section, g.message.replace(/ is the .* release/, '')])).toEqual([
      ['bundling', 'The library’s NCCI PTP, older than 2026-11-27 calls for.'],
      ['reporting', 'The library’s NCCI MUE, older than 2026-11-27 calls for.'],
    ]);
    for (const section of card.sections) {
      for (const item of section.items) {
        expect(item.citations.length).toBeGreaterThan(0);
        for (const citation of item.citations) expect(citation.locator).not.toBe('');
      }
    }
    // PTP rows are a table, not bullets; the edit's rationale says "Mutually exclusive".
    const ptp = card.tables.find((table) => table.kind === 'ptp')!;
    expect(ptp.section).toBe('bundling');
    expect(ptp.rows.find((row) => row.otherCode === '62263')).toMatchObject({
      column: 2,
      modifierIndicator: 0,
      rationale: expect.stringContaining('Mutually exclusive procedures') as string,
      bypassModifiers: [],
    });
    const bundling = card.sections.find((s) => s.id === 'bundling')!.items;
    expect(bundling.some((i) => i.citations.some((c) => /NCCI PTP/.test(c.label ?? '')))).toBe(
      false,
    );
    const aliases = card.sections.find((s) => s.id === 'aliases')!.items;
    expect(
      aliases.some((i) => /Racz/.test(i.text) && i.citations[0]?.quote?.includes('Racz')),
    ).toBe(true);
    expect(card.title).toBe('2026 CPT code 62264');
    expect(card.footer).toContain(card.libraryVersion);
  });

  test('the glance comes first: what the code is, counted warnings, every line cited', async () => {
    const card = await composeCard(ctx, request);
    expect(card.glance.map((line) => line.kind)).toEqual([
      'what',
      'validity',
      'warning',
      'warning',
      'warning',
      'warning',
      'modifiers',
      'releases',
    ]);
    for (const line of card.glance) expect(line.citations.length, line.text).toBeGreaterThan(0);
    expect(card.glance[0]!.text).toMatch(/^SAMPLE /);
    expect(card.glance.map((l) => l.text)).toContain('Mutually exclusive with 1 code: 62263.');
    const notWith = card.glance.find((l) => l.text.startsWith('Not reported with'))!;
    // Nine codes are counted, six named: the rest are in the bundling table.
    expect(notWith.text).toMatch(/^Not reported with 9 codes .*: (\d{5}, ){6}…\.$/);
    expect(notWith.section).toBe('bundling');
    expect(card.glance.at(-1)!.text).toContain('NCCI PTP, practitioner, v32.0 (2026-01-01)');
  });

  test('tables carry the rows: PTP with descriptors and bypass modifiers, MUE, add-on pairs', async () => {
    const card = await composeCard(ctx, { ...request, code: '64483' });
    const ptp = card.tables.find((table) => table.kind === 'ptp')!;
    expect(ptp.rows).toHaveLength(5);
    const bypassable = ptp.rows.filter((row) => row.modifierIndicator === 1);
    expect(bypassable.length).toBeGreaterThan(0);
    for (const row of bypassable) expect(row.bypassModifiers).toContain('XS');
    expect(ptp.rows.find((row) => row.otherCode === '62323')?.descriptor).toMatch(/^SAMPLE /);
    const mue = card.tables.find((table) => table.kind === 'mue')!;
    expect(mue.rows[0]).toMatchObject({ value: 1, adjudication: 3, from: '2026-01-01' });
    const addOn = card.tables.find((table) => table.kind === 'add-on')!;
    expect(addOn.rows).toEqual([
      expect.objectContaining({ primaryCode: '64483', addOnCode: '64484' }),
    ]);
  });

  test('citation labels name the dataset and row or the document and place, never a path', async () => {
    const card = await composeCard(ctx, request);
    const citations = [
      ...card.glance.flatMap((l) => l.citations),
      ...card.tables.flatMap((table) => table.rows.map((row) => row.citation)),
      ...card.sections.flatMap((s) => s.items.flatMap((i) => i.citations)),
    ];
    expect(citations.length).toBeGreaterThan(20);
    for (const citation of citations) {
      expect(citation.label, citation.locator).toBeTruthy();
      expect(citation.label).not.toMatch(/[\\/]|\bline \d|characters \d/);
    }
    const ptpRow = card.tables.find((table) => table.kind === 'ptp')!.rows[0]!.citation;
    expect(ptpRow.label).toMatch(/^NCCI PTP, practitioner, v32\.0, row \d+$/);
    expect(citations.some((c) => /, page \d+$/.test(c.label ?? ''))).toBe(true);
  });

  test('modifiers the card points to are explained by library material', async () => {
    const card = await composeCard(ctx, request);
    const modifiers = card.sections.find((s) => s.id === 'modifiers')!.items;
    const definitions = modifiers.filter((i) => i.citations[0]?.quote && i.codes?.length);
    for (const modifier of ['51', '59', 'XS']) {
      expect(definitions.some((i) => i.codes?.includes(modifier))).toBe(true);
    }
    // Each quoted sentence appears once, whether it came as a rule or as a definition.
    const quoted = modifiers
      .filter((i) => i.citations[0]?.quote)
      .map((i) => `${i.citations[0]?.documentId}|${i.citations[0]?.locator}`);
    expect(new Set(quoted).size).toBe(quoted.length);
  });

  test('in Arabic the headings and fact statements are Arabic and the card is right-to-left', async () => {
    const card = await composeCard(ctx, { ...request, lang: 'ar' });
    expect(card.dir).toBe('rtl');
    const arabic = /[\u0600-\u06ff]/;
    for (const section of card.sections) expect(section.title).toMatch(arabic);
    const reporting = card.sections.find((s) => s.id === 'reporting')!.items;
    expect(reporting.find((i) => i.lang === 'ar')?.text).toMatch(arabic);
  });

  test('in Spanish, In simple words is the Spanish leaflet alone (issue 16: not the English too)', async () => {
    const card = await composeCard(ctx, { ...request, lang: 'es' });
    const simple = card.sections.find((s) => s.id === 'simple-words')!;
    expect(simple.title).toBe('En palabras sencillas');
    expect(simple.items.length).toBeGreaterThan(0);
    expect(simple.items.filter((i) => i.lang !== 'es')).toEqual([]);
  });

  test('a prose rule that disagrees with the NCCI table in force is flagged with both sources', async () => {
    const card = await composeCard(ctx, { ...request, code: '62323' });
    const conflict = card.conflicts.find(
      (c) => c.section === 'bundling' && c.message.includes('77003'),
    );
    expect(conflict?.citations).toHaveLength(2);
    expect(conflict?.citations[0]?.locator).toMatch(/^line \d+$/);
    expect(conflict?.citations[1]?.quote).toMatch(/77003/);
  });

  test('two code tables that word the descriptor differently are flagged, the newer shown first', async () => {
    const other = await importFile(ctx, {
      fileName: 'sample-other-descriptors.csv',
      bytes: Buffer.from(
        'Code,Long Descriptor\n62264,SAMPLE WORDING (not AMA text): another table says it differently\n',
      ),
    });
    const card = await composeCard(ctx, request);
    const conflict = card.conflicts.find((c) => c.section === 'descriptor');
    expect(conflict?.citations.map((c) => c.documentId)).toContain(other.document.id);
    expect(conflict?.citations).toHaveLength(2);
    await removeDocument(ctx, other.document.id);
    expect(
      (await composeCard(ctx, request)).conflicts.some((c) => c.section === 'descriptor'),
    ).toBe(false);
  });

  test('a code the library has nothing on is not in your library', async () => {
    await expect(composeCard(ctx, { ...request, code: '99999' })).rejects.toThrow(
      /99999 is not in your library/,
    );
  });

  test('says what the NCCI files cannot tell for the date: no hospital edits, an old release', async () => {
    const hospital = await composeCard(ctx, {
      code: '62264',
      dos: '2026-03-02',
      setting: 'hospital',
      lang: 'en',
    });
    expect(hospital.gaps).toEqual(
      expect.arrayContaining([
        {
          section: 'bundling',
          message:
            'The library cannot tell: it holds no hospital outpatient NCCI PTP edits for 2026-03-02.',
        },
      ]),
    );
    const late = await composeCard(ctx, {
      code: '62264',
      dos: '2026-12-01',
      setting: 'practitioner',
      lang: 'en',
    });
    expect(late.gaps.map((g) => g.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^The library’s NCCI PTP is the .* release, older than 2026-12-01 calls for\.$/,
        ) as string,
      ]),
    );
    const early = await composeCard(ctx, {
      code: '62264',
      dos: '2026-03-02',
      setting: 'practitioner',
      lang: 'en',
    });
    expect(early.gaps.filter((g) => g.section === 'bundling')).toEqual([]);
  });
});
