import type { StructuredKind } from '../import-kind.ts';
import { isCodeRange, splitCodeList } from './code-shape.ts';
import { matchAddOnHeader } from './add-on.ts';
import { matchCodeTableHeader } from './code-table.ts';
import { matchCoverageHeader } from './coverage.ts';
import { matchGpciHeader, type GpciColumns } from './gpci.ts';
import { looksLikeHcpcsFixedWidth } from './hcpcs-fixed-width.ts';
import { matchHcpcsHeader } from './hcpcs.ts';
import { findHeaderRow, type HeaderName } from './header-match.ts';
import { isMcdDocumentId, matchMcdIndexHeader } from './mcd-index.ts';
import { cellAt, isBlankRow } from './table-rows.ts';
import { findRvuHeader } from './mpfs-rvu.ts';
import { matchMueHeader } from './ncci-mue.ts';
import { looksLikeCmsPtpRow, matchPtpHeader } from './ncci-ptp-columns.ts';
import { readDelimitedText, sniffDelimiter } from './table-source.ts';
import { isModifierCode, isProcedureCode, systemsForShape } from '../../domain/code-shape.ts';

/** The kinds detected here; ICD-10-CM files are recognized by icd10cm-detect.ts. */
export type DetectedKind = Exclude<StructuredKind, 'icd10cm-order' | 'icd10cm-tabular'>;

/** Rows of a text head looked at; enough for CMS captions and stacked headers. */
const headRowLimit = 40;

/**
 * The structured kind of a text table from its first ~64 KB of decoded text, or null when it
 * is none of ours (the caller then treats the file as prose). ICD-10-CM is detected elsewhere.
 */
export function detectStructuredKind(fileName: string, headText: string): DetectedKind | null {
  if (documentName.test(fileName)) return null;
  if (looksLikeHcpcsFixedWidth(headText)) return 'hcpcs';
  if (looksLikePtpText(headText)) return 'ncci-ptp';
  return detectStructuredKindFromRows(fileName, headRows(fileName, headText));
}

interface Candidate {
  kind: DetectedKind;
  find: (head: string[][]) => { index: number; codeColumn: number } | null;
  isCode: (cell: string) => boolean;
}

function gpciValueColumn(columns: GpciColumns): number {
  return columns.work ?? columns.pe ?? columns.mp ?? columns.localityName;
}
const isIndexValue = (cell: string) => /^\d+(?:\.\d+)?$/.test(cell);
const anyCode = (cell: string) => systemsForShape(cell).length > 0;
const procedureOrModifier = (cell: string) =>
  isProcedureCode(cell.toUpperCase()) || isModifierCode(cell.toUpperCase());
const procedure = (cell: string) => isProcedureCode(cell.toUpperCase());
// Strict: every token must be a code, so prose that mentions a code in passing does not count.
const listsProcedure = (cell: string) => {
  const tokens = splitCodeList(cell);
  return tokens.length > 0 && tokens.every((token) => isProcedureCode(token) || isCodeRange(token));
};

function byHeader<C>(
  match: (names: HeaderName[]) => C | null,
  codeColumn: (columns: C) => number,
): Candidate['find'] {
  return (head) => {
    const hit = findHeaderRow(head, match);
    return hit && { index: hit.index, codeColumn: codeColumn(hit.columns) };
  };
}

/**
 * Specific layouts come before the generic code table, whose header (a code column and a
 * description column) the HCPCS release would also satisfy.
 */
const candidates: Candidate[] = [
  { kind: 'hcpcs', find: byHeader(matchHcpcsHeader, (c) => c.code), isCode: procedureOrModifier },
  {
    kind: 'mpfs-rvu',
    find: (head) => {
      const hit = findRvuHeader(head);
      return hit && { index: hit.index, codeColumn: hit.columns.code };
    },
    isCode: procedureOrModifier,
  },
  { kind: 'ncci-ptp', find: byHeader(matchPtpHeader, (c) => c.column1), isCode: procedure },
  { kind: 'ncci-mue', find: byHeader(matchMueHeader, (c) => c.code), isCode: procedure },
  { kind: 'add-on', find: byHeader(matchAddOnHeader, (c) => c.addOn), isCode: procedure },
  {
    kind: 'coverage',
    find: byHeader(matchCoverageHeader, (c) => c.procedure),
    isCode: listsProcedure,
  },
  { kind: 'code-table', find: byHeader(matchCodeTableHeader, (c) => c.code), isCode: anyCode },
  // Tables of other things than codes: the data column checked is the locality's GPCI, the
  // document's id.
  { kind: 'gpci', find: byHeader(matchGpciHeader, gpciValueColumn), isCode: isIndexValue },
  {
    kind: 'mcd-index',
    find: byHeader(matchMcdIndexHeader, (c) => c.displayId),
    isCode: isMcdDocumentId,
  },
];

/** Documents are never tables here, even when they quote a table's header line. */
const documentName = /\.(md|markdown|html?|xhtml|pdf|docx?|rtf)$/i;

/** The same decision from a table's first rows (XLSX, or text already split into cells). */
export function detectStructuredKindFromRows(
  fileName: string,
  rows: string[][],
): DetectedKind | null {
  if (documentName.test(fileName)) return null;
  const head = rows.slice(0, headRowLimit);
  for (const candidate of candidates) {
    const hit = candidate.find(head);
    if (hit && dataFollows(head, hit.index, hit.codeColumn, candidate.isCode))
      return candidate.kind;
  }
  // Headerless PTP exports: code, code, prior flag, dates, modifier indicator.
  const ptpRows = head.filter(looksLikeCmsPtpRow).length;
  if (ptpRows >= 3 || (ptpRows >= 1 && /cci(pra|oph)|ptp/i.test(fileName))) return 'ncci-ptp';
  return null;
}

/**
 * A header alone is not a table: prose quoting a header line would match. One of the next rows
 * must hold a code where the header says codes are (wrapped CMS headers take a few rows), unless
 * nothing follows the header at all (an empty table).
 */
function dataFollows(
  head: readonly string[][],
  index: number,
  column: number,
  isCode: (cell: string) => boolean,
): boolean {
  const next = head.slice(index + 1, index + 11).filter((cells) => !isBlankRow(cells));
  return next.length === 0 || next.some((cells) => isCode(cellAt(cells, column)));
}

/** The CMS TXT layout: tab-delimited lines with two codes and the modifier indicator. */
function looksLikePtpText(headText: string): boolean {
  const lines = headText.split('\n', 60);
  const rows = lines.filter((line) => line.includes('\t')).map((line) => line.split('\t'));
  const data = rows.filter((cells) => looksLikeCmsPtpRow(cells.map((cell) => cell.trim())));
  return data.length >= 3 || (data.length >= 1 && /column\s*1/i.test(headText.slice(0, 4096)));
}

/**
 * Splits the head into rows. The head is cut at 64 KB, possibly inside a quoted field, so the
 * last partial line is dropped and a head csv-parse refuses is split naively instead.
 */
function headRows(fileName: string, headText: string): string[][] {
  const cut = lastLineEndOutsideQuotes(headText);
  const text = cut > 0 ? headText.slice(0, cut + 1) : headText;
  const delimiter = sniffDelimiter(fileName, text);
  try {
    const rows: string[][] = [];
    for (const row of readDelimitedText(text, fileName, delimiter).rows) {
      rows.push(row.cells);
      if (rows.length >= headRowLimit) break;
    }
    return rows;
  } catch {
    return text.split('\n', headRowLimit).map((line) =>
      line
        .replace(/\r$/, '')
        .split(delimiter)
        .map((cell) => cell.replace(/"/g, '').trim()),
    );
  }
}

/**
 * The last line end not inside a quoted field: quoted cells may span lines (the MCD index's
 * contractor cells do), and a head cut inside one would not parse.
 */
function lastLineEndOutsideQuotes(text: string): number {
  let quotes = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 34) quotes++;
    else if (char === 10 && quotes % 2 === 0) last = i;
  }
  return last;
}
