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
import {
  findColumn,
  findHeaderRow,
  hasWord,
  optionalColumn,
  type HeaderName,
} from './header-match.ts';
import { toIsoDate } from './iso-date.ts';
import { reiterable } from './reiterable.ts';
import { clip } from './skipped-row.ts';
import { cellAt, headCells } from './table-rows.ts';
import { readDelimitedText, readTableInput, type TableSource } from './table-source.ts';
import { isProcedureCode } from '../../domain/code-shape.ts';
import type { IsoDate } from '../../domain/day.ts';

/** Where each PTP field is, by 0-based column. */
export interface PtpColumns {
  column1: number;
  column2: number;
  prior1996: number | null;
  effective: number | null;
  deletion: number | null;
  modifier: number;
  rationale: number | null;
}

/** Column order of the CMS release (TXT, and the one-line-header CSV copies of it). */
export const cmsPtpColumns: PtpColumns = {
  column1: 0,
  column2: 1,
  prior1996: 2,
  effective: 3,
  deletion: 4,
  modifier: 5,
  rationale: 6,
};

const ones = ['1', 'one', 'i'];
const twos = ['2', 'two', 'ii'];

/** Loose header matching: "Column 1", "col1", "column_1", "Column One Code", "Modifier" ... */
export function matchPtpHeader(names: HeaderName[]): PtpColumns | null {
  const column1 = findColumn(
    names,
    (n) =>
      (hasWord(n, 'column', 'col', 'code') && hasWord(n, ...ones) && !hasWord(n, ...twos)) ||
      hasWord(n, 'comprehensive'),
  );
  const column2 = findColumn(
    names,
    (n) =>
      (hasWord(n, 'column', 'col', 'code') && hasWord(n, ...twos) && !hasWord(n, ...ones)) ||
      hasWord(n, 'component'),
    [column1],
  );
  const modifier = findColumn(names, (n) => hasWord(n, 'modifier', 'mod') && !hasWord(n, 'date'), [
    column1,
    column2,
  ]);
  if (column1 < 0 || column2 < 0 || modifier < 0) return null;
  const taken = [column1, column2, modifier];
  return {
    column1,
    column2,
    modifier,
    prior1996: optionalColumn(
      findColumn(names, (n) => hasWord(n, 'prior', '1996', 'existence'), taken),
    ),
    effective: optionalColumn(findColumn(names, (n) => hasWord(n, 'effective'), taken)),
    deletion: optionalColumn(
      findColumn(names, (n) => hasWord(n, 'deletion', 'deleted', 'delete', 'termination'), taken),
    ),
    rationale: optionalColumn(findColumn(names, (n) => hasWord(n, 'rationale', 'reason'), taken)),
  };
}

/** A data row of the CMS layout: two codes, then the modifier indicator in the sixth column. */
export function looksLikeCmsPtpRow(cells: readonly string[]): boolean {
  return (
    cells.length >= 6 &&
    isProcedureCode(cellAt(cells, 0).trim().toUpperCase()) &&
    isProcedureCode(cellAt(cells, 1).trim().toUpperCase()) &&
    /^[019]$/.test(cellAt(cells, 5).trim())
  );
}

/** Column layout from a header row, else from the shape of headerless data rows. */
export function ptpColumnsFor(head: readonly string[][]): PtpColumns | null {
  const header = findHeaderRow(head, matchPtpHeader);
  if (header) return header.columns;
  if (head.some(looksLikeCmsPtpRow)) return cmsPtpColumns;
  const pairs = head.filter((cells) => cells.length === 3);
  if (
    pairs.length > 0 &&
    pairs.every(
      (cells) =>
        isProcedureCode(cellAt(cells, 0).toUpperCase()) &&
        isProcedureCode(cellAt(cells, 1).toUpperCase()) &&
        /^[019]$/.test(cellAt(cells, 2)),
    )
  ) {
    return {
      ...cmsPtpColumns,
      prior1996: null,
      effective: null,
      deletion: null,
      modifier: 2,
      rationale: null,
    };
  }
  return null;
}

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
      : readDelimitedText(input.text, file.fileName, input.delimiter);
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
function parseTabText(file: SourceFile, options: ImportOptions, text: string) {
  const head = text
    .slice(0, 65_536)
    .split('\n', 40)
    .map((line) => line.split('\t').map((cell) => cell.trim()));
  const columns = ptpColumnsFor(head);
  if (columns === null) throw noLayout(file);
  return Promise.resolve({
    meta: ptpMeta(file, options, head),
    estimatedRecords: estimateLines(text),
    records: reiterable(() => tabRecords(text, columns)),
  });
}

function* tabRecords(text: string, columns: PtpColumns): Generator<ParsedRecord> {
  const dates = new Map<string, IsoDate | null>();
  let start = 0;
  let line = 0;
  let started = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const cells = text.slice(start, stop).split('\t');
    start = end + 1;
    if (!started) {
      if (!isProcedureCode(cellAt(cells, columns.column1).trim().toUpperCase())) continue;
      started = true;
    }
    yield ptpRecord(cells, columns, `line ${line}`, dates);
  }
}

const priorYes = new Set(['*', 'Y', 'YES', 'TRUE', '1', 'X']);
const priorNo = new Set(['', 'N', 'NO', 'FALSE', '0']);

function ptpRecord(
  cells: readonly string[],
  columns: PtpColumns,
  locator: string,
  dates: Map<string, IsoDate | null>,
): ParsedRecord {
  const column1 = cellAt(cells, columns.column1).trim().toUpperCase();
  const column2 = cellAt(cells, columns.column2).trim().toUpperCase();
  if (column1 === '' && column2 === '' && cells.every((cell) => cell.trim() === '')) {
    return { kind: 'skip', reason: 'blank row', locator };
  }
  if (!isProcedureCode(column1)) {
    return {
      kind: 'skip',
      reason: `column 1 "${clip(cellAt(cells, columns.column1).trim())}" is not a procedure code`,
      locator,
    };
  }
  if (!isProcedureCode(column2)) {
    return {
      kind: 'skip',
      reason: `column 2 "${clip(cellAt(cells, columns.column2).trim())}" is not a procedure code`,
      locator,
    };
  }
  const modifier = cellAt(cells, columns.modifier).trim();
  if (modifier !== '0' && modifier !== '1' && modifier !== '9') {
    return { kind: 'skip', reason: `invalid modifier indicator "${clip(modifier)}"`, locator };
  }
  const prior = cellAt(cells, columns.prior1996).trim().toUpperCase();
  if (!priorYes.has(prior) && !priorNo.has(prior)) {
    return { kind: 'skip', reason: `invalid prior-1996 flag "${clip(prior)}"`, locator };
  }
  const effectiveText = cellAt(cells, columns.effective).trim();
  const effectiveFrom = effectiveText === '' ? null : cachedDate(dates, effectiveText);
  if (effectiveText !== '' && effectiveFrom === null) {
    return { kind: 'skip', reason: `invalid effective date "${clip(effectiveText)}"`, locator };
  }
  // CMS writes "*" for "no deletion date": the edit is still active.
  const deletionText = cellAt(cells, columns.deletion).trim();
  const noDeletion = deletionText === '' || deletionText === '*';
  const deletionDate = noDeletion ? null : cachedDate(dates, deletionText);
  if (!noDeletion && deletionDate === null) {
    return { kind: 'skip', reason: `invalid deletion date "${clip(deletionText)}"`, locator };
  }
  const rationale = cellAt(cells, columns.rationale).trim();
  return {
    kind: 'ptp',
    column1,
    column2,
    prior1996: priorYes.has(prior),
    effectiveFrom,
    deletionDate,
    modifierIndicator: modifier === '0' ? 0 : modifier === '1' ? 1 : 9,
    rationale: rationale === '' ? null : rationale,
    locator,
  };
}

// A quarterly file has a few thousand distinct dates over millions of rows.
function cachedDate(cache: Map<string, IsoDate | null>, raw: string): IsoDate | null {
  let iso = cache.get(raw);
  if (iso === undefined) {
    iso = toIsoDate(raw);
    if (cache.size < 100_000) cache.set(raw, iso);
  }
  return iso;
}

/** Line count from the average length of the first lines: progress only, no full scan. */
function estimateLines(text: string): number {
  const sample = text.slice(0, 65_536);
  const lines = sample.split('\n').length;
  return sample.length === 0 ? 0 : Math.round((text.length / sample.length) * lines);
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
