import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sniffContainer } from './sniff.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import {
  makeDocx,
  makeElf,
  makeLyingSizeDocx,
  makeManyEntriesDocx,
  makePdf,
  makePng,
  makeZip,
  makeZipBombDocx,
  pseudoRandomBytes,
} from '../parsers/test-fixtures.ts';

function sniffError(bytes: Buffer, name: string): CodecardError {
  try {
    sniffContainer(bytes, name);
  } catch (error) {
    if (error instanceof CodecardError) return error;
    throw error;
  }
  throw new Error(`expected an error for ${name}`);
}

const text = (s: string) => Buffer.from(s, 'utf8');

describe('sniffContainer', () => {
  it('recognizes each container by content', () => {
    expect(sniffContainer(makePdf(), 'a.pdf')).toEqual({ container: 'pdf' });
    expect(sniffContainer(makeDocx(), 'a.docx')).toEqual({ container: 'docx' });
    const xlsx = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    expect(sniffContainer(xlsx, 'a.xlsx')).toEqual({ container: 'xlsx' });
    expect(sniffContainer(text('<?xml version="1.0"?>\n<ICD10CM.tabular/>'), 'a.xml')).toEqual({
      container: 'xml',
      xmlRoot: 'ICD10CM.tabular',
    });
    expect(sniffContainer(text('<!DOCTYPE html><html><body>x</body></html>'), 'a.xml')).toEqual({
      container: 'html',
    });
    expect(sniffContainer(text('  <html lang="en"><p>x</p></html>'), 'a')).toEqual({
      container: 'html',
    });
    expect(sniffContainer(text('# Title\n\nSome text.'), 'a.md')).toEqual({ container: 'text' });
    expect(sniffContainer(text('HCPCS,Description\nJ1040,x\n'), 'a.csv')).toEqual({
      container: 'text',
    });
    for (const start of ['MZ notes', 'RIFF notes', 'SQLite notes', 'BZh1 notes']) {
      expect(sniffContainer(text(start), 'a.txt')).toEqual({ container: 'text' });
    }
  });

  it('walks past the XML prolog to the root element', () => {
    const xml = '\uFEFF<?xml version="1.0"?>\n<!-- c --><!DOCTYPE x SYSTEM "x.dtd">\n<root a="1"/>';
    expect(sniffContainer(text(xml), 'a.xml')).toEqual({ container: 'xml', xmlRoot: 'root' });
    expect(sniffContainer(text('<?xml version="1.0"?><html xmlns="x"/>'), 'a')).toEqual({
      container: 'html',
    });
    expect(sniffContainer(text('<?xml version="1.0"?>'), 'a.xml')).toEqual({ container: 'xml' });
  });

  it('lets content win over a misleading text-ish extension', () => {
    expect(sniffContainer(makePdf(), 'report.txt')).toEqual({ container: 'pdf' });
    expect(sniffContainer(makeDocx(), 'policy.html')).toEqual({ container: 'docx' });
  });

  it('decodes Windows-1252 and UTF-16 text', () => {
    expect(sniffContainer(Buffer.from('Café note', 'latin1'), 'a.txt')).toEqual({
      container: 'text',
    });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<html></html>', 'utf16le'),
    ]);
    expect(sniffContainer(utf16, 'a.htm')).toEqual({ container: 'html' });
  });

  it('does not split a multi-byte character when sampling a long file', () => {
    const big = text('中'.repeat(40_000));
    expect(sniffContainer(big, 'zh.txt')).toEqual({ container: 'text' });
  });

  it('refuses empty files', () => {
    const error = sniffError(Buffer.alloc(0), 'empty.pdf');
    expect(error.code).toBe('EMPTY_FILE');
    expect(error.message).toContain('empty.pdf');
  });

  it.each([
    [makePng(), 'image.txt', /PNG image/],
    [makeElf(), 'tool', /ELF executable/],
    [pseudoRandomBytes(4096), 'noise.bin', /binary data/],
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc', /legacy/],
    [makeZip([{ name: 'a.txt', data: 'x' }]), 'archive.zip', /neither DOCX nor XLSX/],
  ])('refuses unknown content as UNKNOWN_TYPE (%#)', (bytes, name, detail) => {
    const error = sniffError(bytes, name);
    expect(error.code).toBe('UNKNOWN_TYPE');
    expect(error.message).toContain(name);
    expect(error.message).toMatch(detail);
  });

  it.each([
    [makeElf(), 'claims.pdf', 'named .pdf but the content is an ELF executable'],
    [text('just text'), 'guide.pdf', 'named .pdf but the content is plain text'],
    [makePdf(), 'policy.docx', 'named .docx but the content is a PDF document'],
    [makeDocx(), 'table.xlsx', 'named .xlsx but the content is a Word (DOCX) document'],
    [pseudoRandomBytes(512), 'x.XLSX', 'named .xlsx but the content is binary data'],
  ])('refuses a disguised type as TYPE_MISMATCH (%#)', (bytes, name, detail) => {
    const error = sniffError(bytes, name);
    expect(error.code).toBe('TYPE_MISMATCH');
    expect(error.message).toContain(name);
    expect(error.message).toContain(detail);
  });

  it('runs the zip guard on zip containers without inflating anything', () => {
    expect(sniffError(makeZipBombDocx(), 'bomb.docx').code).toBe('ZIP_LIMIT');
    expect(sniffError(makeManyEntriesDocx(5_001), 'many.docx').code).toBe('ZIP_LIMIT');
    // Sizes that lie show only when inflating: the parser's guard counts them (zip-guard.test).
    expect(sniffContainer(makeLyingSizeDocx(), 'lies.docx')).toEqual({ container: 'docx' });
  });

  it('reports UTF-16 without a byte-order mark as an encoding problem', () => {
    const error = sniffError(Buffer.from('plain words here', 'utf16le'), 'u16.txt');
    expect(error.code).toBe('BAD_ENCODING');
  });

  it('throws nothing but CodecardError on arbitrary bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('a.pdf', 'a.txt', 'a.docx', 'a'),
        (bytes, name) => {
          try {
            const sniffed = sniffContainer(Buffer.from(bytes), name);
            expect(['pdf', 'docx', 'xlsx', 'xml', 'html', 'text']).toContain(sniffed.container);
          } catch (error) {
            expect(error).toBeInstanceOf(CodecardError);
            expect((error as CodecardError).message).toContain(name);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
