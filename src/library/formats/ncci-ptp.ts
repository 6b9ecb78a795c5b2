import { parseFailed, type CodecardError } from '../../errors/codecard-error.ts';
import type { DatasetMeta, ImportOptions, SourceFile, StructuredParser } from '../import-kind.ts';
import { definedMeta } from './dataset-meta.ts';
import type { ParsedRecord } from './fact-record.ts';
import {
  baseName,
  ncciReleaseFromFileName,
  ncciReleaseStart,
  settingFromText,
} from './file-name-hints.ts';
import { ptpColumnsFor, type PtpColumns } from './ncci-ptp-columns.ts';
import { ptpRecord } from './ncci-ptp-record.ts';
import { reiterable } from './reiterable.ts';
import { cellAt, headCells } from './table-rows.ts';
import { readDelimitedText, readTableInput, type TableSource } from './table-source.ts';
import { linesOf } from './text-lines.ts';
import type { LineSlices } from '../intake/decode-text.ts';
import { isProcedureCode } from '../../domain/code-shape.ts';
import type { IsoDate } from '../../domain/day.ts';

/**
 * NCCI procedure-to-procedure edits: the CMS tab-delimited TXT release, its CSV/XLSX copies
 * with a one-line header, and simplified tables naming column 1, column 2 and the modifier.
 */
export const parseNcciPtp: StructuredParser = async (file, options) => {
  const input = await readTableInput(file);
  if (input.kind === 'text' && input.delimiter === '\t') {
    return parseTabText(file, options, input.text);
  }
  const table =
    input.kind === 'workbook'
      ? input.table
      : readDelimitedText(input.text.whole(), file.fileName, input.delimiter);
  return parseRows(file, options, table);
};

function parseRows(file: SourceFile, options: ImportOptions, table: TableSource) {
  const head = headCells(table);
  const columns = ptpColumnsFor(head);
  if (columns === null) throw noLayout(file);
  return Promise.resolve({
    meta: ptpMeta(file, options, head),
    estimatedRecords: table.estimatedRows,
    records: reiterable(() => tableRecords(table, columns)),
  });
}

function* tableRecords(table: TableSource, columns: PtpColumns): Generator<ParsedRecord> {
  const dates = new Map<string, IsoDate | null>();
  let started = false;
  for (const row of table.rows) {
    // Notices and headers (wrapped over several lines in CMS files) come before the first code.
    if (!started && !isProcedureCode(cellAt(row.cells, columns.column1).toUpperCase())) continue;
    started = true;
    yield ptpRecord(row.cells, columns, row.locator, dates);
  }
}

/**
 * The CMS TXT release runs to millions of lines, so it is scanned directly: one indexOf and
 * one split per line, lazily, with no CSV parser (the format has no quoting).
 */
function parseTabText(file: SourceFile, options: ImportOptions, text: LineSlices) {
  const head = text.head.split('\n', 40).map((line) => line.split('\t').map((cell) => cell.trim()));
  const columns = ptpColumnsFor(head);
  if (columns === null) throw noLayout(file);
  return Promise.resolve({
    meta: ptpMeta(file, options, head),
    estimatedRecords: estimateLines(text),
    records: reiterable(() => tabRecords(text.slices(), columns)),
  });
}

function* tabRecords(slices: Iterable<string>, columns: PtpColumns): Generator<ParsedRecord> {
  const dates = new Map<string, IsoDate | null>();
  let line = 0;
  let started = false;
  for (const lineText of linesOf(slices)) {
    line++;
    const cells = lineText.split('\t');
    if (!started) {
      if (!isProcedureCode(cellAt(cells, columns.column1).trim().toUpperCase())) continue;
      started = true;
    }
    yield ptpRecord(cells, columns, `line ${line}`, dates);
  }
}

/** Line count from the average length of the first lines: progress only, no full scan. */
function estimateLines(text: LineSlices): number {
  const lines = text.head.split('\n').length;
  return text.head.length === 0 ? 0 : Math.round((text.byteLength / text.head.length) * lines);
}

function ptpMeta(file: SourceFile, options: ImportOptions, head: readonly string[][]): DatasetMeta {
  const name = baseName(file.fileName);
  const firstCells = head.map((cells) => cellAt(cells, 0));
  const cmsTitle = firstCells.find((cell) => /column\s*1\s*\/\s*column\s*2/i.test(cell));
  return definedMeta({
    setting: options.setting ?? settingFromText(name),
    release: ncciReleaseFromFileName(name),
    effectiveFrom: options.effective ?? ncciReleaseStart(ncciReleaseFromFileName(name)),
    title: options.title ?? cmsTitle,
    publisher: cmsTitle !== undefined || /^cci(pra|oph)/i.test(name) ? 'CMS' : undefined,
  });
}

function noLayout(file: SourceFile): CodecardError {
  return parseFailed(
    file.fileName,
    'no PTP edit table found: no header naming column 1, column 2 and the modifier indicator, and no rows in the CMS column order',
  );
}
