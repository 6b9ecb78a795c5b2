import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import { type LibraryContext } from '../library/library-context.ts';
import type { Answer } from './ask-types.ts';
import { askQuestion } from './ask.service.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// The shared CMS/CDC files are read where they are, never copied into the project.
const dataDir = path.resolve(import.meta.dirname, '../../../shared/data');
const files = {
  gpci: 'mpfs-2026/GPCI2026.csv',
  mcd: 'mcd-coverage-index/documents_latest.csv',
  rvu: 'mpfs-2026/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv',
  hcpcs: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
  icd2021: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  icd2026: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
};
const lines = (relative: string) =>
  readFileSync(path.join(dataDir, relative), 'latin1').split(/\r?\n/);
/** The file's own line a citation names ("line 78" -> line 78 of the file). */
const citedLine = (relative: string, locator: string) =>
  lines(relative)[Number(/^line (\d+)$/.exec(locator)?.[1]) - 1];

/** Table rows and code search over the real files (issue 12, §5). */
describe('table facts and code search on the real CMS/CDC files', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const ask = async (question: string, dos = '2026-08-01'): Promise<Answer> =>
    (await askQuestion(ctx, { question, dos })).answer;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
    for (const relative of Object.values(files)) {
      const bytes = readFileSync(path.join(dataDir, relative));
      await importFile(ctx, { fileName: path.basename(relative), bytes });
    }
  });
  afterAll(async () => opened.close());

  it('imports the GPCI file and the coverage database index as table facts', async () => {
    const kinds = await ctx.db.selectFrom('documents').select(['kind', 'rows_stored']).execute();
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'gpci', rows_stored: 109 },
        { kind: 'mcd-index', rows_stored: 3133 },
      ]),
    );
  });

  it.each([
    ['GPCI for Manhattan', '13202,NY,01,MANHATTAN,1.064,1.162,1.586'],
    ['GPCI for Alabama', '10112,AL,00,ALABAMA,1.000,0.875,0.566'],
    ['what is the work GPCI for Queens?', '13292,NY,04,QUEENS,1.064,1.182,1.442'],
    ['GPCI de Guam', '01212,HI,01,"HAWAII, GUAM",1.000,1.137,0.579'],
  ])('%s -> the row %s', async (question, row) => {
    const answer = await ask(question);
    expect(answer.kind).toBe('table-rows');
    expect(answer.table?.rows).toHaveLength(1);
    const only = answer.table!.rows[0]!;
    // The cited line of the file is the quoted row, and the answer's cells are its cells.
    expect(citedLine(files.gpci, only.citation.locator)).toBe(row);
    expect(only.cells.join('|')).toBe(
      row
        .replace(/"([^"]*)"/g, '$1')
        .split(/,(?! )/)
        .join('|'),
    );
    expect(only.citation.version).toBe('CY2026');
  });

  it('Noridian ESI LCDs: only Noridian rows whose title says epidural steroid injections', async () => {
    const answer = await ask('which LCDs does Noridian have for epidural steroid injections');
    expect(answer.kind).toBe('table-rows');
    const rows = answer.table!.rows;
    // documents_latest.csv: "…",L39242,39242,LCD,7,06/19/2022,,N/A,Epidural Steroid Injections
    // for Pain Management,… and the same for L39240, both "Noridian Healthcare Solutions, LLC".
    expect(rows.map((r) => r.cells[0]).sort()).toEqual(['L39240', 'L39242']);
    for (const row of rows) {
      expect(row.cells[1]).toBe('LCD');
      expect(row.cells[2]).toMatch(/epidural steroid injections/i);
      expect(row.cells[3]).toMatch(/^Noridian/);
      const record = citedLine(files.mcd, row.citation.locator);
      expect(record).toMatch(/^"Noridian Healthcare Solutions, LLC$/);
    }
  });

  it('an LCD by its id: that row only', async () => {
    const answer = await ask('what is LCD L39054');
    // "WPS Insurance Corporation\n(MAC - Part A, MAC - Part B)",L39054,39054,LCD,11,02/01/2024,…
    expect(answer.table?.rows.map((r) => r.cells.slice(0, 4))).toEqual([
      [
        'L39054',
        'LCD',
        'Epidural Steroid Injections for Pain Management',
        'WPS Insurance Corporation',
      ],
    ]);
    const at = Number(/\d+/.exec(answer.citations[0]!.locator)?.[0]);
    expect(lines(files.mcd)[at]).toMatch(/",L39054,39054,LCD,11,02\/01\/2024,/);
  });

  it('HCPCS code for triamcinolone 10 mg -> J3301 first, the descriptor stating 10 mg', async () => {
    const answer = await ask('HCPCS code for triamcinolone 10 mg');
    expect(answer.kind).toBe('code-search');
    const first = answer.codeHits![0]!;
    expect(first).toMatchObject({ system: 'hcpcs', code: 'J3301', dose: 'same' });
    // HCPC2020_ANWEB line 7980: "J3301001003Injection, triamcinolone acetonide, not otherwise
    // specified, 10 mg …"
    expect(citedLine(files.hcpcs, first.citation.locator)).toMatch(
      /^J3301\d{6}Injection, triamcinolone acetonide, not otherwise specified, 10 mg/,
    );
    // Triamcinolone codes stating another dose (1 mg, per 5 mg) are not offered.
    expect(answer.codeHits!.every((h) => h.dose !== 'different')).toBe(true);
  });

  it('ICD-10 code for sciatica -> billable sciatica codes of the FY2021 order file', async () => {
    const answer = await ask('ICD-10 code for sciatica', '2021-06-01');
    expect(answer.kind).toBe('code-search');
    const first = answer.codeHits![0]!;
    // icd10cm-order-Jan-2021.txt: "19253 M5430   1 Sciatica, unspecified side"
    expect(first).toMatchObject({ system: 'icd10cm', code: 'M54.30', billable: true });
    expect(citedLine(files.icd2021, first.citation.locator)).toMatch(/^19253 M5430 +1 Sciatica/);
    expect(answer.codeHits!.every((h) => h.system === 'icd10cm' && h.billable)).toBe(true);
  });

  it('vertebrogenic low back pain: FY2021 lacks the term (closest said), FY2026 has M54.51', async () => {
    const fy2021 = await ask('What code for vertebrogenic low back pain?', '2021-06-01');
    // icd10cm-order-Jan-2021.txt: "19260 M545    1 Low back pain"
    expect(fy2021.codeHits![0]).toMatchObject({
      code: 'M54.5',
      billable: true,
      missing: ['vertebrogenic'],
    });
    expect(fy2021.text).toContain('No descriptor in your library has “vertebrogenic”');
    const fy2026 = await ask('What code for vertebrogenic low back pain?', '2026-06-01');
    // icd10cm_order_2026.excerpt.txt: "20088 M5451   1 Vertebrogenic low back pain"
    const first = fy2026.codeHits![0]!;
    expect(first).toMatchObject({ code: 'M54.51', billable: true, missing: [] });
    expect(citedLine(files.icd2026, first.citation.locator)).toMatch(/^20088 M5451 +1 /);
    // M54.5 became a category (flag 0) in FY2026, so it is not offered before its children.
    const m545 = fy2026.codeHits!.findIndex((h) => h.code === 'M54.5');
    expect(m545 === -1 || m545 > 0).toBe(true);
  });

  it('RVU rows answer with their RVU columns', async () => {
    const answer = await ask('RVUs for 00100');
    // PPRRVU2026 excerpt: "00100,,REDACTED,J,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,…,33.4009,…"
    const table = answer.table!;
    const cell = (name: string) => table.rows[0]!.cells[table.columns.indexOf(name)];
    expect(cell('STATUS CODE')).toBe('J');
    expect(cell('WORK RVU')).toBe('0.00');
    expect(cell('CONV FACTOR')).toBe('33.4009');
  });

  it('questions the tables do not answer are refused, naming the table', async () => {
    const gpci = await ask('GPCI for Narnia');
    expect(gpci).toMatchObject({ kind: 'not-found', lacks: 'gpci', citations: [] });
    const lcd = await ask('which LCDs does Noridian have for unicorn therapy');
    expect(lcd.kind).toBe('not-found');
    expect(lcd.table).toBeUndefined();
  });
});
