import { describe, expect, it } from 'vitest';
import { textFile, workbookFile } from './structured-test-fixtures.ts';
import { readDelimitedText, readTable, sniffDelimiter, type TableSource } from './table-source.ts';
import { codecardFailure } from '../../../test/support/codecard-failure.ts';

const rowsOf = (table: TableSource) => [...table.rows];

describe('readTable: text', () => {
  it('keeps a quoted line break inside a header cell and cites the line each record starts on', async () => {
    const table = await readTable(
      textFile(
        'mue.csv',
        '"notice line one\nline two",,\r\n"HCPCS/\nCPT Code",Value\r\n0001U,1\r\n',
      ),
    );
    const rows = rowsOf(table);
    expect(rows.map((row) => row.cells)).toEqual([
      ['notice line one\nline two', '', ''],
      ['HCPCS/\nCPT Code', 'Value'],
      ['0001U', '1'],
    ]);
    expect(rows.map((row) => row.locator)).toEqual(['line 1', 'line 3', 'line 5']);
    expect(table.format).toBe('csv');
  });

  it('decodes Latin-1 bytes and trims every cell', async () => {
    const table = await readTable(
      textFile('x.csv', 'CPT\u00ae notice , b \r\n 1 ,2\r\n', 'latin1'),
    );
    expect(rowsOf(table).map((row) => row.cells)).toEqual([
      ['CPT\u00ae notice', 'b'],
      ['1', '2'],
    ]);
  });

  it('streams quote-free text lazily and can be iterated twice', () => {
    const table = readDelimitedText('a,b\r\n1,2\r\n\r\n3,4', 'x.csv');
    expect(table.estimatedRows).toBe(4);
    const first = rowsOf(table).map((row) => [row.locator, ...row.cells]);
    expect(first).toEqual([
      ['line 1', 'a', 'b'],
      ['line 2', '1', '2'],
      ['line 3', ''],
      ['line 4', '3', '4'],
    ]);
    expect(rowsOf(table).map((row) => [row.locator, ...row.cells])).toEqual(first);
  });

  it('handles files that mix CRLF and LF line ends', () => {
    const table = readDelimitedText('"h",x\r\n1,2\n3,4\n', 'x.csv');
    expect(rowsOf(table).map((row) => row.cells)).toEqual([
      ['h', 'x'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps formula-looking CSV cells as plain text', () => {
    const table = readDelimitedText('code,note\n62323,"=HYPERLINK(""http://x"",""y"")"\n', 'x.csv');
    expect(rowsOf(table)[1]?.cells).toEqual(['62323', '=HYPERLINK("http://x","y")']);
  });

  it('sniffs tab, comma and semicolon delimiters', () => {
    expect(sniffDelimiter('a.txt', 'a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a.tsv', 'a,b\n')).toBe('\t');
    expect(sniffDelimiter('a.csv', 'a,b\n1,2\n')).toBe(',');
    expect(sniffDelimiter('a.txt', 'a;b\n1;2\n')).toBe(';');
    expect(readDelimitedText('a\tb\n1\t2\n', 'x.txt').format).toBe('tsv');
  });

  it('reads quoted TSV cells', () => {
    const table = readDelimitedText('a\tb\n"x\ty"\tz\n', 'x.tsv');
    expect(rowsOf(table)[1]?.cells).toEqual(['x\ty', 'z']);
  });

  it('refuses an unclosed quote with the file name and line', async () => {
    const error = await codecardFailure(
      readTable(textFile('broken.csv', 'a,b\n1,2\n"open,3\n4,5\n')),
    );
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(/^broken\.csv line \d+: /);
  });

  it('refuses empty files, NUL bytes and legacy .xls workbooks with catalog errors', async () => {
    expect((await codecardFailure(readTable(textFile('e.csv', '')))).code).toBe('EMPTY_FILE');
    const nul = { fileName: 'n.csv', bytes: Buffer.from([0x61, 0x00, 0x62]) };
    expect((await codecardFailure(readTable(nul))).code).toBe('BAD_ENCODING');
    const xls = { fileName: 'old.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]) };
    expect((await codecardFailure(readTable(xls))).code).toBe('UNKNOWN_TYPE');
  });
});

describe('readTable: XLSX', () => {
  it('reads the first sheet with data, with sheet-and-row locators', async () => {
    const file = await workbookFile(
      'codes.xlsx',
      [
        ['code', 'description', 'when'],
        [
          '62323',
          { richText: [{ text: 'SAMPLE ' }, { text: 'rich' }] },
          new Date(Date.UTC(2026, 6, 1)),
        ],
        [' 64483 ', { text: 'SAMPLE link', hyperlink: 'https://example.org' }, 3],
      ],
      { sheetName: 'Codes', emptyFirst: true },
    );
    const table = await readTable(file);
    expect(table.format).toBe('xlsx');
    expect(table.sheetName).toBe('Codes');
    expect(rowsOf(table).map((row) => [row.locator, ...row.cells])).toEqual([
      ['Codes row 1', 'code', 'description', 'when'],
      ['Codes row 2', '62323', 'SAMPLE rich', '2026-07-01'],
      ['Codes row 3', '64483', 'SAMPLE link', '3'],
    ]);
  });

  it('keeps formulas as text and restores zero-padded numeric codes', async () => {
    const file = await workbookFile('f.xlsx', [['code', 'note']], {
      edit: (sheet) => {
        sheet.getCell('A2').value = 100;
        sheet.getCell('A2').numFmt = '00000';
        sheet.getCell('B2').value = { formula: 'HYPERLINK("http://x","y")', result: 'y' };
        sheet.getCell('A4').value = true;
      },
    });
    const rows = rowsOf(await readTable(file));
    expect(rows[1]?.cells).toEqual(['00100', '=HYPERLINK("http://x","y")']);
    // Blank sheet rows are not reported; row numbers stay the sheet's own.
    expect(rows[2]?.locator).toBe('Sheet1 row 4');
  });

  it('runs the zip guard before exceljs and reports damaged workbooks as catalog errors', async () => {
    const junk = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]);
    expect((await codecardFailure(readTable({ fileName: 'x.xlsx', bytes: junk }))).code).toBe(
      'ZIP_LIMIT',
    );
    const notExcel = await workbookFile('ok.xlsx', [['a']]);
    // A valid zip whose workbook part is gone: exceljs cannot read it.
    const text = notExcel.bytes.toString('latin1').replace(/xl\/workbook\.xml/g, 'xl/workbook.xmm');
    const error = await codecardFailure(
      readTable({ fileName: 'y.xlsx', bytes: Buffer.from(text, 'latin1') }),
    );
    expect(['PARSE_FAILED', 'ZIP_LIMIT']).toContain(error.code);
  });
});
