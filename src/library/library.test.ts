import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lookupCode } from '../codes/code-lookup.ts';
import { searchCodes } from '../codes/code-search.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { importFile } from './import.service.ts';
import type { ImportOptions } from './import-kind.ts';
import { importOptions } from './import-options.ts';
import { listLibrary, removeDocument } from './library.service.ts';
import { type LibraryContext } from './library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

const file = (fileName: string, text: string) => ({ fileName, bytes: Buffer.from(text, 'utf8') });

// Sample wording written for these tests; not AMA text.
const codeTableV1 =
  'Code,Long Descriptor,Short Descriptor\n99990,SAMPLE old wording for a test code,SAMPLE old\n';
const codeTableV2 =
  'Code,Long Descriptor,Short Descriptor\n99990,SAMPLE new wording for a test code,SAMPLE new\n';
const hospitalPtp =
  'column_1,column_2,modifier_indicator\n62321,77003,1\n62323,77003,1\n62327,62284,0\n';
const guidance = [
  '# Sample epidural guidance',
  '',
  'SAMPLE TEXT written for tests. Do not report 62323 with 62284 on the same day.',
  '',
  '## Ranges',
  '',
  'Codes 62321-62327 include imaging guidance; use modifier 59 only when distinct.',
  '',
].join('\n');

describe.each(testDatabaseKinds())('the library on %s', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const count = async (
    table: 'documents' | 'code_descriptors' | 'ptp_edits' | 'passages' | 'code_mentions',
  ) => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.db);
    return rows[0]!.n;
  };
  const load = (name: string, text: string, options: ImportOptions = {}) =>
    importFile(ctx, file(name, text), options);

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind));
  });
  afterAll(async () => opened.close());

  test('importing the same bytes again is a no-op', async () => {
    const first = await load('ccioph-sample.csv', hospitalPtp);
    expect(first.status).toBe('imported');
    expect(first.rowsStored).toBe(3);
    expect(first.document.setting).toBe('hospital');
    const again = await load('renamed.csv', hospitalPtp, { setting: 'hospital' });
    expect(again.status).toBe('unchanged');
    expect(again.document.id).toBe(first.document.id);
    expect(await count('ptp_edits')).toBe(3);
  });

  test('a newer release supersedes from its effective date; removing it restores the older', async () => {
    const title = 'Sample CPT table';
    const v1 = await load('sample-cpt-2026.csv', codeTableV1, { effective: '2026-01-01', title });
    const v2 = await load('sample-cpt-2026-jul.csv', codeTableV2, {
      effective: '2026-07-01',
      title,
    });
    expect(v1.document.dataset_key).toBe(v2.document.dataset_key);
    const before = await lookupCode(ctx, '99990', { dos: '2026-03-01' });
    const after = await lookupCode(ctx, '99990', { dos: '2026-08-01' });
    expect(before.description).toBe('SAMPLE old wording for a test code');
    expect(before.effectiveTo).toBe('2026-06-30');
    expect(before.sources[0]?.documentId).toBe(v1.document.id);
    expect(after.description).toBe('SAMPLE new wording for a test code');
    await expect(lookupCode(ctx, '99990', { dos: '2025-12-31' })).rejects.toThrow(
      /in force on 2025-12-31/,
    );

    await removeDocument(ctx, v2.document.id);
    const restored = await lookupCode(ctx, '99990', { dos: '2026-08-01' });
    expect(restored.description).toBe('SAMPLE old wording for a test code');
    expect(restored.effectiveTo).toBeNull();
    expect(restored.variants).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from code_descriptors where document_id = ${v2.document.id}`.execute(
      ctx.db,
    );
    expect(rows[0]!.n).toBe(0);
  });

  test('a partial release supplements the complete one instead of replacing it', async () => {
    const title = 'Sample HCPCS-like table';
    await load('sample-full.csv', 'Code,Long Descriptor\n99980,SAMPLE full release wording\n', {
      effective: '2026-01-01',
      title,
    });
    const excerpt = await load(
      'sample.excerpt.csv',
      'Code,Long Descriptor\n99981,SAMPLE excerpt wording\n',
      {
        effective: '2026-10-01',
        title,
      },
    );
    expect(excerpt.document.partial).toBe(true);
    expect((await lookupCode(ctx, '99980', { dos: '2026-11-01' })).description).toBe(
      'SAMPLE full release wording',
    );
    expect((await lookupCode(ctx, '99981', { dos: '2026-11-01' })).description).toBe(
      'SAMPLE excerpt wording',
    );
    await expect(lookupCode(ctx, '99981', { dos: '2026-09-30' })).rejects.toThrow(
      /in force on 2026-09-30/,
    );
  });

  test('a code table with unusual headers imports through a column mapping', async () => {
    const table = 'Proc,Words,Lay words\n99970,SAMPLE mapped wording,SAMPLE plain\n';
    const options = importOptions({
      kind: 'code-table',
      columns: 'code=Proc,long=Words,consumer=Lay words',
    });
    await load('sample-mapped.csv', table, options);
    const mapped = await lookupCode(ctx, '99970', { dos: '2026-03-01' });
    expect(mapped).toMatchObject({
      description: 'SAMPLE mapped wording',
      consumerDescription: 'SAMPLE plain',
    });
    expect(() => importOptions({ columns: 'long=Words' })).toThrow(/code column/);
    expect(() => importOptions({ columns: 'code=Proc,colour=Red' })).toThrow(
      /columns must look like/,
    );
  });

  test('documents become passages with code mentions; ranges expand against known codes', async () => {
    const result = await load('sample-guidance.md', guidance);
    expect(result.document.kind).toBe('markdown');
    expect(result.document.language).toBe('en');
    const { rows: passages } = await sql<{ id: number; heading_path: string[]; text: string }>`
      select id, heading_path, text from passages where document_id = ${result.document.id} order by ordinal`.execute(
      ctx.db,
    );
    expect(passages.length).toBeGreaterThanOrEqual(2);
    const ranged = passages.find((p) => p.text.includes('62321-62327'));
    expect(ranged?.heading_path).toEqual(['Sample epidural guidance', 'Ranges']);
    const { rows: mentions } = await sql<{ code: string; via: string }>`
      select code, via from code_mentions where passage_id = ${ranged!.id} order by code`.execute(
      ctx.db,
    );
    // The library knows 62321, 62323 and 62327 (from the PTP table), so the range names them.
    expect(mentions.filter((m) => m.via === 'range').map((m) => m.code)).toEqual([
      '62321',
      '62323',
      '62327',
    ]);
    expect(mentions.some((m) => m.code === '59')).toBe(true);
  });

  test('search finds descriptors by words and by code prefix', async () => {
    const byWords = await searchCodes(ctx, 'old wording', { dos: '2026-03-01' });
    expect(byWords.map((r) => r.code)).toContain('99990');
    const byPrefix = await searchCodes(ctx, '9999', { dos: '2026-03-01' });
    expect(byPrefix[0]?.code).toBe('99990');
    expect(await searchCodes(ctx, 'zzzz qqqq', { dos: '2026-03-01' })).toEqual([]);
  });

  test('formula-looking cells are stored as text, never evaluated', async () => {
    const table =
      'Code,Long Descriptor\n99991,"=HYPERLINK(""http://example.invalid"",""SAMPLE"")"\n99992,+SUM(1;2)\n';
    await load('sample-formulas.csv', table);
    expect((await lookupCode(ctx, '99991', { dos: '2026-03-01' })).description).toBe(
      '=HYPERLINK("http://example.invalid","SAMPLE")',
    );
    expect((await lookupCode(ctx, '99992', { dos: '2026-03-01' })).description).toBe('+SUM(1;2)');
  });

  test('NCCI edits without a known setting are refused, not guessed', async () => {
    const before = await listLibrary(ctx);
    await expect(
      load('edits.csv', 'column_1,column_2,modifier_indicator\n64483,77003,1\n'),
    ).rejects.toThrow(/--setting/);
    expect(await listLibrary(ctx)).toEqual(before);
  });

  test('a table with no usable rows is refused and leaves nothing behind', async () => {
    const documents = await count('documents');
    const error = await load(
      'empty-table.csv',
      'column_1,column_2,modifier_indicator\nnot,a,code\n',
      {
        setting: 'hospital',
        kind: 'ncci-ptp',
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).code).toBe('NOTHING_IMPORTED');
    expect(await count('documents')).toBe(documents);
  });
});
