import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { CodecardError, parseFailed, where } from '../../errors/codecard-error.ts';
import type { SourceFile } from '../import-kind.ts';
import type { ZipEntryInfo } from '../intake/zip-guard.ts';
import { documentTooComplex } from '../parsers/work-limits.ts';
import { reiterable } from './reiterable.ts';
import type { WorkbookLimits } from './workbook-limits.ts';

/**
 * Cells (blanks before a row's last cell included) between turns of the event loop, so /health
 * and other requests answer during a read: exceljs hands over a chunk's rows as microtasks.
 */
const CELLS_PER_TURN = 50_000;

/** A sheet row as trimmed text cells: table-source's TableRow, which builds on this file. */
export interface SheetRow {
  cells: string[];
  locator: string;
  position: number;
}

export interface WorkbookRows {
  sheetName: string;
  rowCount: number;
  /** Re-iterable; each pass builds the row objects afresh from the compact cells. */
  rows: Iterable<SheetRow>;
}

/** A sheet's kept rows: cells and sheet row numbers only (a row object costs ~100 bytes more). */
interface KeptRows {
  cells: string[][];
  positions: number[];
}

/** Distinct cell texts kept once; past this many, new texts are still copied but not shared. */
const MAX_INTERNED = 200_000;

/**
 * Reads the first worksheet that has data, streaming (exceljs's WorkbookReader): only the
 * shared strings, the styles and the kept rows as plain text are ever in memory, never a model
 * of the whole book, and the event loop gets a turn every 50,000 cells. Later sheets are
 * never read; `maxRows` stops at the chosen sheet's first rows (a kind is detected from
 * them). Formulas are kept as their text, never evaluated.
 */
export async function readWorkbookRows(
  file: SourceFile,
  entries: readonly ZipEntryInfo[],
  limits: WorkbookLimits,
  maxRows = Infinity,
): Promise<WorkbookRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from(partsFirst(file.bytes, entries)),
    {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    },
  );
  // exceljs spools a sheet to a temporary file unless it has met both of these first; they are
  // handed to it first (partsFirst), and set empty here for a workbook that lacks either.
  Object.assign(reader, { sharedStrings: [], workbookRels: [] });
  let chosen: (KeptRows & { sheetName: string }) | null = null;
  let firstName: string | null = null;
  const keep = cellKeeper();
  try {
    for await (const sheet of reader) {
      // exceljs's typings lack the reader's sheet name (it is set from xl/workbook.xml).
      const sheetName = (sheet as unknown as { name: string }).name;
      firstName ??= sheetName;
      const rows: KeptRows = { cells: [], positions: [] };
      let cells = 0;
      let sinceTurn = 0;
      for await (const row of sheet) {
        if (rows.positions.length >= maxRows) break;
        if (row.cellCount > limits.maxSheetColumns) {
          throw documentTooComplex(
            file.fileName,
            `sheet "${sheetName}" row ${row.number} has a cell in column ${row.cellCount}, past column ${limits.maxSheetColumns} (limit maxSheetColumns)`,
          );
        }
        cells += row.cellCount;
        if (cells > limits.maxSheetCells) {
          throw documentTooComplex(
            file.fileName,
            `sheet "${sheetName}" has more than ${limits.maxSheetCells} cells by row ${row.number} (limit maxSheetCells)`,
          );
        }
        rows.cells.push(cellsOf(row, sheetName, file.fileName, limits, keep));
        rows.positions.push(row.number);
        sinceTurn += row.cellCount;
        if (sinceTurn >= CELLS_PER_TURN) {
          sinceTurn = 0;
          await nextTurn();
        }
      }
      // Stopping early is safe: nothing was spooled to disk (see partsFirst).
      if (rows.positions.length > 0) {
        chosen = { sheetName, ...rows };
        break;
      }
    }
  } catch (error) {
    if (error instanceof CodecardError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw parseFailed(file.fileName, `not a readable XLSX workbook (${detail})`);
  }
  if (chosen) {
    const { sheetName, cells, positions } = chosen;
    function* rows(): Generator<SheetRow> {
      for (let i = 0; i < positions.length; i++) {
        const position = positions[i]!;
        yield { cells: cells[i]!, locator: `${sheetName} row ${position}`, position };
      }
    }
    return { sheetName, rowCount: positions.length, rows: reiterable(rows) };
  }
  if (firstName === null) throw parseFailed(file.fileName, 'the workbook has no worksheets');
  return { sheetName: firstName, rowCount: 0, rows: [] };
}

/** The parts exceljs must have read before a sheet, in the order they are handed to it. */
const leadingParts = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * The zip as exceljs's streaming reader gets it: the workbook, its relationships, the shared
 * strings and the styles first, then every other entry, then the central directory (which the
 * reader only skips). A sheet met before those parts (Excel writes sheets first) would be
 * spooled to a temporary file, left there until exit when a limit stops the read. The
 * pieces are views of the upload, never copies; the zip guard found the entries back to back.
 */
function partsFirst(bytes: Buffer, entries: readonly ZipEntryInfo[]): Buffer[] {
  const rank = (entry: ZipEntryInfo) => {
    const at = leadingParts.indexOf(entry.name);
    return at < 0 ? leadingParts.length : at;
  };
  const ordered = [...entries].sort(
    (a, b) => rank(a) - rank(b) || a.localHeaderOffset - b.localHeaderOffset,
  );
  const directory = Math.max(0, ...entries.map((entry) => entry.endOffset));
  return [
    ...ordered.map((entry) => bytes.subarray(entry.localHeaderOffset, entry.endOffset)),
    bytes.subarray(directory),
  ];
}

/**
 * Cell texts as kept: one copy per distinct text (a PTP sheet repeats its codes, dates and
 * rationales millions of times), and always a fresh string, because a text the XML reader cut
 * from its input can pin the whole input chunk in memory (600k PTP rows held 480 MiB that way).
 */
function cellKeeper(): (text: string) => string {
  const interned = new Map<string, string>();
  return (text) => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    const copy = Buffer.from(text, 'utf8').toString('utf8');
    if (interned.size < MAX_INTERNED) interned.set(copy, copy);
    return copy;
  };
}

/**
 * A row's cells as text, blanks before the last cell included. Only the cells the sheet has are
 * visited: asking exceljs for a missing one creates it (a row whose only cell is in column XFD
 * made 16,384 cell objects; 733 such rows took the server past 3 GiB).
 */
function cellsOf(
  row: ExcelJS.Row,
  sheetName: string,
  fileName: string,
  limits: WorkbookLimits,
  keep: (text: string) => string,
): string[] {
  const cells = new Array<string>(row.cellCount).fill('');
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    let text: string;
    try {
      text = asText(cellText(cell)).trim();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw parseFailed(
        fileName,
        `sheet "${sheetName}" column ${column} cannot be read (${detail})`,
        where('row', row.number),
      );
    }
    if (text.length > limits.maxCellChars) {
      throw documentTooComplex(
        fileName,
        `sheet "${sheetName}" row ${row.number} column ${column} holds ${text.length} characters, over ${limits.maxCellChars} (limit maxCellChars)`,
      );
    }
    cells[column - 1] = keep(text);
  });
  return cells;
}

function cellText(cell: ExcelJS.Cell): string {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
      return '';
    case ExcelJS.ValueType.Formula:
      // Shown as text so a formula (or an injected one) is visible, never run or trusted.
      return `=${cell.formula ?? ''}`;
    case ExcelJS.ValueType.Date:
      return cell.value instanceof Date ? dateText(cell.value) : cell.text;
    case ExcelJS.ValueType.Number:
      return numberText(Number(cell.value), cell.numFmt);
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
    case ExcelJS.ValueType.RichText:
    case ExcelJS.ValueType.Hyperlink:
    case ExcelJS.ValueType.Boolean:
    case ExcelJS.ValueType.Error:
    case ExcelJS.ValueType.Merge:
      // Rich text joined, a hyperlink's shown text, TRUE/FALSE, "#N/A", a merged cell's master.
      return cell.text ?? '';
  }
}

/** A damaged workbook can hand back numbers or objects where exceljs promises text. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Excel stores dates as UTC midnight; a pure date reads as YYYY-MM-DD. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Codes typed as numbers lose leading zeros ("00100" -> 100); a "00000" format restores them. */
function numberText(value: number, numFmt: string | undefined): string {
  const text = String(value);
  if (numFmt !== undefined && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0) {
    return text.padStart(numFmt.length, '0');
  }
  return text;
}
