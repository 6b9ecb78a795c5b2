import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { importFile } from './import.service.ts';
import { type LibraryContext } from './library-context.ts';
import {
  makeElf,
  makeLyingSizeDocx,
  makeManyEntriesDocx,
  makePdf,
  makePng,
  makeZipBombDocx,
  pseudoRandomBytes,
} from './parsers/test-fixtures.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

const xxe = `<?xml version="1.0"?>
<!DOCTYPE ICD10CM.tabular [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<ICD10CM.tabular><version>&secret;</version></ICD10CM.tabular>`;
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<ICD10CM.tabular><version>&lol3;</version></ICD10CM.tabular>`;

const hostile: [string, string, Buffer, RegExp][] = [
  ['an empty file', 'empty.csv', Buffer.alloc(0), /empty/],
  ['random bytes', 'noise.bin', pseudoRandomBytes(4096, 7), /noise\.bin/],
  ['an executable named .pdf', 'policy.pdf', makeElf(), /named \.pdf/],
  ['a PNG named .txt', 'notes.txt', makePng(), /notes\.txt/],
  ['a DOCX zip bomb', 'bomb.docx', makeZipBombDocx(), /bomb/],
  [
    'a DOCX whose zip directory lies about sizes',
    'lies.docx',
    makeLyingSizeDocx(),
    /declared size/,
  ],
  ['a DOCX with too many entries', 'many.docx', makeManyEntriesDocx(6_000), /entries/],
  ['XML with an external entity (XXE)', 'tabular.xml', Buffer.from(xxe), /DTD|DOCTYPE/],
  [
    'XML with nested entities (billion laughs)',
    'lol.xml',
    Buffer.from(billionLaughs),
    /DTD|DOCTYPE/,
  ],
  ['a truncated PDF', 'cut.pdf', makePdf().subarray(0, 300), /cut\.pdf/],
  [
    'UTF-16 text without a byte-order mark',
    'wide.csv',
    Buffer.from('Code,Long Descriptor\n', 'utf16le'),
    /NUL/,
  ],
];

describe('hostile and broken files', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const rowCounts = async () =>
    (
      await sql<Record<string, number>>`
        select (select count(*)::int from documents) as documents,
               (select count(*)::int from passages) as passages,
               (select count(*)::int from code_descriptors) as descriptors`.execute(ctx.db)
    ).rows[0];

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
    await importFile(ctx, {
      fileName: 'sample.md',
      bytes: Buffer.from('# Sample\n\nSAMPLE text about 62323.\n'),
    });
  });
  afterAll(async () => opened.close());

  test.each(hostile)(
    '%s is refused with a clear error and changes nothing',
    async (_, fileName, bytes, message) => {
      const before = await rowCounts();
      const error = await importFile(ctx, { fileName, bytes }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CodecardError);
      expect((error as CodecardError).message).toMatch(message);
      expect((error as CodecardError).message).toContain(
        fileName === 'empty.csv' ? 'empty.csv' : fileName,
      );
      expect(await rowCounts()).toEqual(before);
    },
  );

  test('a valid PDF imports page by page (the control for the hostile cases)', async () => {
    const result = await importFile(ctx, { fileName: 'sample.pdf', bytes: makePdf() });
    expect(result.document.kind).toBe('pdf');
    const { rows } = await sql<{ page: number }>`
      select distinct page from passages where document_id = ${result.document.id} order by page`.execute(
      ctx.db,
    );
    expect(rows.map((r) => r.page)).toEqual([1, 2]);
  });
});
