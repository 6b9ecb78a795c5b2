import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { sampleOrderText } from '../library/formats/icd10cm-test-fixtures.ts';
import {
  sampleGpciCsv,
  sampleMcdIndexCsv,
  sampleRvuCsv,
  textFile,
} from '../library/formats/structured-test-fixtures.ts';
import { importFile } from '../library/import.service.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { removeDocument } from '../library/library.service.ts';
import { askQuestion } from './ask.service.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Authored sample descriptors (not from any code set), imported as an HCPCS descriptor table.
const sampleDrugTable = [
  'Code,Long Description',
  'Q9991,"SAMPLE injection, sampleone acetonide, 1 mg"',
  'Q9992,"SAMPLE injection, sampleone acetonide, not otherwise specified, 10 mg"',
  'Q9993,"SAMPLE injection, sampleone diacetate, per 5 mg"',
  'Q9994,"SAMPLE sampleone, inhalation solution, per milligram"',
  '',
].join('\n');

/** Table rows and code search answered through askQuestion, on authored sample tables. */
describe.each(testDatabaseKinds())('table facts in Ask (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const ask = (question: string, dos: string, extra: object = {}) =>
    askQuestion(ctx, { question, dos, ...extra }).then((r) => r.answer);

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind));
  }, 60_000);
  afterAll(async () => opened.close());

  test('without the tables: says which one it lacks, records a gap', async () => {
    const gpci = await ask('GPCI for Sample Harbor City', '2031-06-01');
    expect(gpci).toMatchObject({ kind: 'not-found', lacks: 'gpci', citations: [] });
    expect(gpci.text).toMatch(/^Your library has no GPCI \(geographic practice cost index\) table/);
    const codes = await ask('HCPCS code for sampleone 10 mg', '2031-06-01');
    expect(codes).toMatchObject({ kind: 'not-found', lacks: 'code-table' });
    expect(codes.text).toMatch(/^Your library has no HCPCS code table in force on 2031-06-01/);
    const gaps = await ctx.db
      .selectFrom('library_gaps')
      .select('question')
      .where('message_id', 'in', [gpci.id!, codes.id!])
      .execute();
    expect(gaps).toHaveLength(2);
  });

  test('GPCI: the locality row by its name, cited to its line, in force by calendar year', async () => {
    await importFile(ctx, textFile('GPCI2031.csv', sampleGpciCsv));
    const before = await ask('GPCI for Sample Harbor City', '2030-12-31');
    expect(before).toMatchObject({ kind: 'not-found', lacks: 'gpci' });
    expect(before.text).toMatch(/no version of it in force on 2030-12-31/);

    const answer = await ask('GPCI for Sample Harbor City', '2031-06-01');
    expect(answer.kind).toBe('table-rows');
    expect(answer.table?.table).toBe('gpci');
    expect(answer.table?.rows.map((r) => r.cells)).toEqual([
      ['90001', 'ZZ', '01', 'SAMPLE HARBOR CITY', '1.111', '1.222', '1.333'],
    ]);
    expect(answer.citations).toEqual([
      expect.objectContaining({ version: 'CY2031', locator: 'line 4' }),
    ]);
    expect(answer.text).toContain('Work GPCI: 1.111');
    expect(answer.text).toContain('The file notes: Note: a sample floor note');
  });

  test('GPCI: a state named by a word of its rest-of row lists its other localities', async () => {
    const answer = await ask('what are the GPCIs for Sample State?', '2031-06-01');
    expect(answer.table?.rows.map((r) => r.cells[3])).toEqual(['REST OF SAMPLE STATE*']);
    expect(answer.text).toContain('The table lists other localities for ZZ: SAMPLE HARBOR CITY.');
    expect(answer.text).toContain('Sample footnote for the rest of the state.');
  });

  test('GPCI: a locality the table lacks is refused, not answered with another row', async () => {
    const answer = await ask('GPCI for Manhattan', '2031-06-01');
    expect(answer).toMatchObject({ kind: 'not-found', lacks: 'gpci' });
    expect(answer.text).toMatch(/No row of your library’s GPCI/);
  });

  test('coverage index: contractor and title matched column by column', async () => {
    await importFile(ctx, textFile('documents_latest.csv', sampleMcdIndexCsv));
    const lcds = await ask('which LCDs does North have for nerve blocks', '2026-01-01');
    expect(lcds.kind).toBe('table-rows');
    expect(lcds.table?.rows.map((r) => [r.cells[0], r.cells[3]])).toEqual([
      ['L90001', 'Sample North Contractor, LLC'],
    ]);
    expect(lcds.citations).toEqual([expect.objectContaining({ locator: 'line 2' })]);

    // The retired article still in force on an earlier date; it lists both contractors.
    const articles = await ask('articles from South for nerve blocks', '2025-01-01');
    expect(articles.table?.rows.map((r) => r.cells[0])).toEqual(['A90003']);
    expect((await ask('articles from South for nerve blocks', '2026-01-01')).kind).toBe(
      'not-found',
    );

    const byId = await ask('what is LCD L90002', '2026-01-01');
    expect(byId.table?.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['L90002', 'LCD', 'Sample Nerve Blocks for Pain'],
    ]);
  });

  test('coverage index: the fixed wording follows the question language', async () => {
    const answer = await ask('¿Qué LCD tiene North para nerve blocks?', '2026-01-01');
    expect(answer.kind).toBe('table-rows');
    expect(answer.text).toMatch(/^1 documento de documents_latest\.csv/);
    expect(answer.table?.columns[0]).toBe('Documento');
  });

  test('RVU rows answered with every column but the descriptor', async () => {
    await importFile(ctx, textFile('PPRRVU2026_Jul_nonQPP.csv', sampleRvuCsv));
    const answer = await ask('RVUs for 62323', '2026-08-01');
    expect(answer.kind).toBe('table-rows');
    const table = answer.table!;
    expect(table.columns).toContain('CONV FACTOR');
    expect(table.columns.some((c) => /desc/i.test(c))).toBe(false);
    expect(table.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['62323', ''],
      ['62323', '26'],
    ]);
    const factor = table.columns.indexOf('CONV FACTOR');
    expect(table.rows[0]?.cells[factor]).toBe('33.4009');
    expect(JSON.stringify(answer)).not.toContain('REDACTED');
  });

  test('a thread’s codes do not turn an LCD question into an RVU one', async () => {
    const first = await askQuestion(ctx, { question: 'RVUs for 62323', dos: '2026-08-01' });
    const next = await askQuestion(ctx, {
      question: 'what is LCD L90002',
      dos: '2026-08-01',
      threadId: first.threadId,
    });
    expect(next.answer.table?.rows.map((r) => r.cells[0])).toEqual(['L90002']);
  });

  test('code search: the descriptor stating the asked dose first, cited to its row', async () => {
    await importFile(ctx, textFile('sample-drugs.csv', sampleDrugTable), {
      kind: 'code-table',
      system: 'hcpcs',
      effective: '2031-01-01',
    });
    const answer = await ask('HCPCS code for sampleone 10 mg', '2031-06-01');
    expect(answer.kind).toBe('code-search');
    expect(answer.codeHits?.map((h) => [h.code, h.dose])).toEqual([
      ['Q9992', 'same'],
      ['Q9994', 'none'],
    ]);
    expect(answer.citations[0]).toMatchObject({ locator: 'line 3' });
    // Before the table's release, it is not in force.
    expect((await ask('HCPCS code for sampleone 10 mg', '2030-06-01')).lacks).toBe('code-table');
  });

  test('code search: ICD-10-CM by its system, billable codes first, missing words said', async () => {
    await importFile(ctx, textFile('icd10cm-order-2021.txt', sampleOrderText));
    const answer = await ask('ICD-10 code for spondylogenic low back pain', '2021-03-01');
    expect(answer.kind).toBe('code-search');
    expect(answer.codeHits?.[0]).toMatchObject({
      system: 'icd10cm',
      code: 'M54.5',
      billable: true,
      missing: ['spondylogenic'],
    });
    expect(answer.text).toContain('No descriptor in your library has “spondylogenic”');
    expect(answer.codeHits?.every((h) => h.system === 'icd10cm')).toBe(true);
  });

  test('Performance counts the fact kinds answered only when they gave rows or codes', async () => {
    await ctx.events.flush();
    const events = await ctx.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'question')
      .execute();
    const rows = events.map((e) => e.data as { intent: string; answered: boolean });
    const answered = (intent: string) => [
      ...new Set(rows.filter((r) => r.intent === intent).map((r) => r.answered)),
    ];
    expect(answered('table-rows')).toEqual([true]);
    expect(answered('code-search')).toEqual([true]);
    expect(answered('not-found')).toEqual([false]);
  });

  test('removing the documents removes their rows', async () => {
    const documents = await ctx.db.selectFrom('documents').select(['id', 'kind']).execute();
    for (const d of documents.filter((d) => d.kind === 'gpci' || d.kind === 'mcd-index')) {
      await removeDocument(ctx, d.id);
    }
    const count = async (table: 'gpci_localities' | 'mcd_documents') =>
      (await ctx.db.selectFrom(table).select(ctx.db.fn.countAll().as('n')).executeTakeFirst())?.n;
    expect(Number(await count('gpci_localities'))).toBe(0);
    expect(Number(await count('mcd_documents'))).toBe(0);
    expect((await ask('GPCI for Sample Harbor City', '2031-06-01')).lacks).toBe('gpci');
  });
});
