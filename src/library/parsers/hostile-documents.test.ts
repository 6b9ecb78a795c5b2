import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { DocumentKind, ParsedDocument, SourceFile } from '../import-kind.ts';
import { sniffContainer } from '../intake/sniff.ts';
import { documentParsers } from './index.ts';
import {
  makeDocx,
  makeElf,
  makeLyingSizeDocx,
  makeManyEntriesDocx,
  makePdf,
  makePng,
  makeZipBombDocx,
  pseudoRandomBytes,
} from './test-fixtures.ts';

/** What an upload of prose goes through: content sniffing, then the parser for the kind. */
async function importProse(file: SourceFile): Promise<ParsedDocument> {
  const { container } = sniffContainer(file.bytes, file.fileName);
  const kind: DocumentKind | null =
    container === 'text'
      ? /\.(md|markdown)$/i.test(file.fileName)
        ? 'markdown'
        : 'text'
      : container === 'pdf' || container === 'docx' || container === 'html'
        ? container
        : null;
  if (!kind) throw new Error(`${container} is not prose`);
  return documentParsers[kind](file);
}

async function rejection(fileName: string, bytes: Buffer): Promise<CodecardError> {
  try {
    await importProse({ fileName, bytes });
  } catch (error) {
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).message).toContain(fileName);
    return error as CodecardError;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('hostile documents', () => {
  it.each(['empty.pdf', 'empty.docx', 'empty.txt', 'empty.html', 'empty.md'])(
    'refuses an empty %s',
    async (name) => {
      expect((await rejection(name, Buffer.alloc(0))).code).toBe('EMPTY_FILE');
    },
  );

  it('refuses a PDF truncated at any point', async () => {
    const pdf = makePdf();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: pdf.length - 8 }), async (cut) => {
        const error = await rejection('cut.pdf', pdf.subarray(0, cut));
        expect(['PARSE_FAILED', 'TYPE_MISMATCH']).toContain(error.code);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a damaged PDF naming the page', async () => {
    const pdf = makePdf();
    pdf.write('6 0 xxx', pdf.indexOf('6 0 obj'), 'latin1');
    const error = await rejection('damaged.pdf', pdf);
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('page 1');
  });

  it('refuses an encrypted PDF', async () => {
    const error = await rejection('locked.pdf', makePdf(undefined, { encrypted: true }));
    expect(error.message).toContain('password');
  });

  it.each([
    ['noise.bin', pseudoRandomBytes(4096, 7), 'UNKNOWN_TYPE'],
    ['noise.txt', pseudoRandomBytes(4096, 8), 'UNKNOWN_TYPE'],
    ['noise.pdf', pseudoRandomBytes(4096, 9), 'TYPE_MISMATCH'],
    ['noise.docx', pseudoRandomBytes(4096, 10), 'TYPE_MISMATCH'],
  ])('refuses random bytes named %s', async (name, bytes, code) => {
    expect((await rejection(name, bytes)).code).toBe(code);
  });

  it('refuses an ELF executable named .pdf as a type mismatch', async () => {
    const error = await rejection('claims.pdf', makeElf());
    expect(error.code).toBe('TYPE_MISMATCH');
    expect(error.message).toBe('claims.pdf: named .pdf but the content is an ELF executable');
  });

  it('refuses a PNG named .txt as an unknown type', async () => {
    const error = await rejection('notes.txt', makePng());
    expect(error.code).toBe('UNKNOWN_TYPE');
    expect(error.message).toContain('PNG image');
  });

  it.each([
    ['ratio.docx', makeZipBombDocx],
    ['lying.docx', makeLyingSizeDocx],
    ['entries.docx', () => makeManyEntriesDocx(5_001)],
  ])('refuses the zip bomb %s', async (name, make) => {
    expect((await rejection(name, make())).code).toBe('ZIP_LIMIT');
  });

  it('excludes script text from HTML passages', async () => {
    const html =
      '<html><body><h1>Sample</h1><p>Keep this.</p><script>document.write("inject")</script><p onclick="steal()">And this.</p></body></html>';
    const parsed = await importProse({ fileName: 'page.html', bytes: Buffer.from(html) });
    const text = parsed.passages.map((p) => p.text).join(' ');
    expect(text).toBe('Keep this.\n\nAnd this.');
  });

  it('decodes Windows-1252 text with é preserved', async () => {
    const bytes = Buffer.from('R\xe9sum\xe9 of the sample policy, caf\xe9 \xae.', 'latin1');
    const parsed = await importProse({ fileName: 'cms.txt', bytes });
    expect(parsed.passages[0]?.text).toBe('Résumé of the sample policy, café ®.');
    // Smart quotes and dashes (0x91-0x97) must still be text, not binary.
    const quoted = Buffer.from('\x93Sample\x94 policy \x96 it\x92s text.', 'latin1');
    expect((await importProse({ fileName: 'quotes.txt', bytes: quoted })).passages).toHaveLength(1);
  });

  it('imports the valid fixtures', async () => {
    expect((await importProse({ fileName: 'a.pdf', bytes: makePdf() })).passages.length).toBe(2);
    expect((await importProse({ fileName: 'a.docx', bytes: makeDocx() })).passages.length).toBe(2);
  });

  it('gives only CodecardError for arbitrary bytes under any name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 500 }),
        fc.constantFrom('x.pdf', 'x.docx', 'x.txt', 'x.md', 'x.html', 'x'),
        async (bytes, name) => {
          try {
            await importProse({ fileName: name, bytes: Buffer.from(bytes) });
          } catch (error) {
            if (error instanceof Error && / is not prose$/.test(error.message)) return;
            expect(error).toBeInstanceOf(CodecardError);
            expect((error as CodecardError).message).toContain(name);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
