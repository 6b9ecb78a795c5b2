import { parse, type InfoRecord, type Options } from 'csv-parse/sync';
import { CodecardError, parseFailed, where } from '../../errors/codecard-error.ts';
import type { SourceFile } from '../import-kind.ts';
import { decodeInLineSlices, type LineSlices } from '../intake/decode-text.ts';
import { linesOf } from './text-lines.ts';
import { inspectZip } from '../intake/zip-guard.ts';
import { reiterable } from './reiterable.ts';
import { workbookLimits, type WorkbookLimits } from './workbook-limits.ts';
import { checkWorkbookParts } from './workbook-parts-check.ts';

export type TableFormat = 'csv' | 'tsv' | 'xlsx';
export type Delimiter = ',' | '\t' | ';';

export interface TableRow {
  /** Every cell as trimmed text; formulas stay text ("=SUM(A1:A2)"), never evaluated. */
  cells: string[];
  /** What a citation shows: "line 7" (text files) or "Sheet1 row 12" (workbooks). */
  locator: string;
  /** 1-based line where the record starts (text) or sheet row number (workbooks). */
  position: number;
}

export interface TableSource {
  format: TableFormat;
  sheetName: string | null;
  /** Exact for parsed tables, a line count for streamed text. */
  estimatedRows: number;
  /** Re-iterable. Text without quotes is split lazily, so multi-million-row files stream. */
  rows: Iterable<TableRow>;
}

/** Reads a CSV, TSV or XLSX upload into rows of trimmed text cells. */
export async function readTable(file: SourceFile): Promise<TableSource> {
  const input = await readTableInput(file);
  return input.kind === 'workbook'
    ? input.table
    : readDelimitedText(input.text.whole(), file.fileName, input.delimiter);
}

/**
 * A workbook already read into rows, or text with its delimiter, decoded as it is read: for
 * formats that scan text themselves (CMS fixed-width and tab-delimited releases) before falling
 * back to rows.
 */
export type TableInput =
  | { kind: 'workbook'; table: TableSource }
  | { kind: 'text'; text: LineSlices; delimiter: Delimiter };

export async function readTableInput(file: SourceFile): Promise<TableInput> {
  if (file.bytes.length === 0) throw new CodecardError('EMPTY_FILE', { file: file.fileName });
  if (looksLikeZip(file.bytes)) return { kind: 'workbook', table: await readWorkbook(file) };
  if (looksLikeOleWorkbook(file.bytes)) {
    throw new CodecardError('UNKNOWN_TYPE', {
      file: file.fileName,
      detail: 'legacy Excel .xls workbooks are not read; save the sheet as .xlsx or CSV',
    });
  }
  const text = await decodeInLineSlices(file.bytes, file.fileName);
  return { kind: 'text', text, delimiter: sniffDelimiter(file.fileName, text.head) };
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] ?? 0xff) < 0x09;
}

function looksLikeOleWorkbook(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11;
}

/**
 * Which delimiter a text table uses. The extension decides when it is explicit and the content
 * agrees; otherwise the character found on most of the first lines wins (CMS ".txt" tables are
 * tab-delimited, CMS ".csv" files are comma-delimited).
 */
export function sniffDelimiter(fileName: string, text: string): Delimiter {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return '\t';
  const lines = text
    .slice(0, 65_536)
    .split('\n', 40)
    .filter((line) => line.trim() !== '');
  const count = (char: string) => lines.filter((line) => line.includes(char)).length;
  const tabs = count('\t');
  const commas = count(',');
  const semicolons = count(';');
  if (lower.endsWith('.csv') && commas > 0) return ',';
  if (tabs > 0 && tabs >= commas) return '\t';
  if (commas === 0 && semicolons > 0) return ';';
  return ',';
}

export function readDelimitedText(
  text: string,
  fileName: string,
  delimiter: Delimiter = sniffDelimiter(fileName, text),
): TableSource {
  const format: TableFormat = delimiter === '\t' ? 'tsv' : 'csv';
  // Old Mac files end lines with a bare CR; everything below splits on LF.
  const body = !text.includes('\n') && text.includes('\r') ? text.replace(/\r/g, '\n') : text;
  if (!body.includes('"')) {
    return {
      format,
      sheetName: null,
      estimatedRows: countLines(body),
      rows: reiterable(() => splitLines(body, delimiter)),
    };
  }
  const { rows, count } = parseQuoted(body, delimiter, fileName);
  return { format, sheetName: null, estimatedRows: count, rows };
}

/** Without quotes a delimited file is just lines and separators: no parser needed. */
function* splitLines(text: string, delimiter: Delimiter): Generator<TableRow> {
  let line = 0;
  for (const lineText of linesOf([text])) {
    line++;
    const cells = lineText.split(delimiter);
    for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] ?? '').trim();
    yield { cells, locator: `line ${line}`, position: line };
  }
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

/** A parsed record and the line it ends on (kept instead of csv-parse's per-record info). */
type EndedRecord = [endLine: number, cells: string[]];

/**
 * Quoted fields may hold delimiters and line breaks (the CMS MUE header "HCPCS/\nCPT Code"),
 * so those files go through csv-parse. Line ends are unified first because csv-parse locks onto
 * the first line end it sees and mis-splits files that mix CRLF and LF. Rows are built lazily
 * from the compact records to keep memory near the size of the cells themselves.
 */
function parseQuoted(
  text: string,
  delimiter: Delimiter,
  fileName: string,
): { rows: Iterable<TableRow>; count: number } {
  const options: Options<EndedRecord, string[]> = {
    delimiter,
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    on_record: (record, context: InfoRecord) => [context.lines, record],
  };
  let records: EndedRecord[];
  try {
    // The sync typings tie on_record's return type to `columns`, which is not used here.
    records = parse(
      text.replace(/\r\n?/g, '\n'),
      options as unknown as Options,
    ) as unknown as EndedRecord[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const detail = error instanceof Error ? error.message : String(error);
    throw parseFailed(
      fileName,
      `the table cannot be read (${detail})`,
      typeof line === 'number' ? where('line', line) : undefined,
    );
  }
  function* rows(): Generator<TableRow> {
    let previousEnd = 0;
    for (const [endLine, cells] of records) {
      const position = previousEnd + 1;
      previousEnd = endLine;
      yield { cells: cells.map((cell) => cell.trim()), locator: `line ${position}`, position };
    }
  }
  return { rows: reiterable(rows), count: records.length };
}

/**
 * Reads the first worksheet that has data. The zip guard runs first (entries inflated and
 * counted) so a bomb never reaches exceljs, then the XML parts are checked against the workbook
 * limits, then the sheet is read streaming (workbook-stream.ts), only its first `maxRows` rows
 * when given.
 */
export async function readWorkbook(
  file: SourceFile,
  limits: WorkbookLimits = workbookLimits,
  maxRows = Infinity,
): Promise<TableSource> {
  const entries = await inspectZip(file.bytes, file.fileName);
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    throw parseFailed(file.fileName, 'not a readable XLSX workbook: xl/workbook.xml is missing');
  }
  await checkWorkbookParts(file.bytes, entries, file.fileName, limits);
  // exceljs is loaded with the first workbook, not with the server (a quarter of a second of its start).
  const { readWorkbookRows } = await import('./workbook-stream.ts');
  const { sheetName, rowCount, rows } = await readWorkbookRows(file, entries, limits, maxRows);
  return { format: 'xlsx', sheetName, estimatedRows: rowCount, rows };
}
