import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { workbookFile } from './structured-test-fixtures.ts';
import { readWorkbook } from './table-source.ts';
import { workbookLimits, type WorkbookLimits } from './workbook-limits.ts';
import type { SourceFile } from '../import-kind.ts';

async function refusal(file: SourceFile, limits: Partial<WorkbookLimits> = {}) {
  try {
    await readWorkbook(file, { ...workbookLimits, ...limits });
  } catch (error) {
    expect(error).toBeInstanceOf(CodecardError);
    return error as CodecardError;
  }
  throw new Error('expected the workbook to be refused');
}

const rows = [
  ['code', 'description'],
  ['62323', 'Sample injection'],
  ['64483', 'Sample block'],
];

describe('readWorkbook: limits on the work a workbook may cause', () => {
  it('refuses a cell or tag longer than maxXmlTokenBytes before exceljs reads the sheet', async () => {
    const huge = await workbookFile('huge.xlsx', [['code'], ['x'.repeat(300 * 1024)]]);
    const error = await refusal(huge);
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(error.message).toMatch(
      /^huge\.xlsx: xl\/sharedStrings\.xml holds a cell or tag longer than 262144 bytes \(limit maxXmlTokenBytes/,
    );
  });

  it('refuses shared strings over maxSharedStringsBytes', async () => {
    const error = await refusal(await workbookFile('shared.xlsx', rows), {
      maxSharedStringsBytes: 100,
    });
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(error.message).toMatch(/xl\/sharedStrings\.xml inflates to \d+ bytes, over 100/);
  });

  it('refuses a cell over maxCellChars, naming the row and column', async () => {
    const error = await refusal(await workbookFile('cell.xlsx', rows), { maxCellChars: 12 });
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(error.message).toContain(
      'sheet "Sheet1" row 2 column 2 holds 16 characters, over 12 (limit maxCellChars)',
    );
  });

  it('refuses a cell past maxSheetColumns, and counts blanks before the last cell as cells', async () => {
    const far = await workbookFile('far.xlsx', [['code']], {
      edit: (sheet) => {
        sheet.getCell('XFD2').value = 'far';
      },
    });
    const error = await refusal(far);
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(error.message).toContain(
      'sheet "Sheet1" row 2 has a cell in column 16384, past column 1024 (limit maxSheetColumns)',
    );
    const wide = await workbookFile('wide.xlsx', [['code']], {
      edit: (sheet) => {
        for (let row = 2; row <= 12; row++) sheet.getCell(`ALL${row}`).value = 'far';
      },
    });
    const cells = await refusal(wide, { maxSheetCells: 10_000 });
    expect(cells.message).toContain('more than 10000 cells by row 11 (limit maxSheetCells)');
  });

  it('reads within the limits, and its rows can be read twice', async () => {
    const table = await readWorkbook(await workbookFile('ok.xlsx', rows));
    const pass = () => [...table.rows].map((row) => [row.locator, ...row.cells]);
    expect(table.estimatedRows).toBe(3);
    expect(pass()).toEqual([
      ['Sheet1 row 1', 'code', 'description'],
      ['Sheet1 row 2', '62323', 'Sample injection'],
      ['Sheet1 row 3', '64483', 'Sample block'],
    ]);
    expect(pass()).toEqual(pass());
  });
});

describe('readWorkbook: the first rows only', () => {
  it('stops after maxRows rows of the first sheet with data', async () => {
    const file = await workbookFile('head.xlsx', rows, { emptyFirst: true, sheetName: 'Codes' });
    const head = await readWorkbook(file, workbookLimits, 2);
    expect(head.sheetName).toBe('Codes');
    expect([...head.rows].map((row) => row.cells[0])).toEqual(['code', '62323']);
  });
});
