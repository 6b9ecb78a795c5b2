import { parseFailed } from '../../errors/codecard-error.ts';
import type { StructuredParser } from '../import-kind.ts';
import { definedMeta } from './dataset-meta.ts';
import type { McdDocumentFact, ParsedRecord } from './fact-record.ts';
import {
  findColumn,
  findHeaderRow,
  hasWord,
  optionalColumn,
  type HeaderName,
} from './header-match.ts';
import { toIsoDate } from './iso-date.ts';
import { reiterable } from './reiterable.ts';
import { clip, skipRow } from './skipped-row.ts';
import { cellAt, headCells, isBlankRow, rowsAfter } from './table-rows.ts';
import { readTable, type TableSource } from './table-source.ts';

export interface McdIndexColumns {
  displayId: number;
  title: number;
  contractor: number;
  documentType: number | null;
  version: number | null;
  effective: number | null;
  retirement: number | null;
  updated: number | null;
  note: number | null;
  url: number | null;
}

/** An LCD or article id as the MCD displays it: L39242, A58995 (DL… for proposed LCDs). */
export function isMcdDocumentId(cell: string): boolean {
  return /^D?[LA]\d{4,6}$/i.test(cell.trim());
}

/**
 * The MCD index header (the CMS Coverage API export): the display id, the title and the
 * contractor columns are required; type, version, dates, note and URL are read when present.
 */
export function matchMcdIndexHeader(names: HeaderName[]): McdIndexColumns | null {
  const displayId = findColumn(
    names,
    (n) =>
      n.compact === 'documentdisplayid' ||
      n.compact === 'displayid' ||
      (hasWord(n, 'lcd', 'article', 'document') &&
        hasWord(n, 'id', 'number') &&
        !hasWord(n, 'title', 'url', 'version')),
  );
  if (displayId < 0) return null;
  const title = findColumn(names, (n) => hasWord(n, 'title'), [displayId]);
  const contractor = findColumn(names, (n) => hasWord(n, 'contractor', 'contractors', 'mac'), [
    displayId,
    title,
  ]);
  if (title < 0 || contractor < 0) return null;
  const taken = [displayId, title, contractor];
  const column = (test: (n: HeaderName) => boolean) =>
    optionalColumn(findColumn(names, test, taken));
  return {
    displayId,
    title,
    contractor,
    documentType: column((n) => n.compact === 'documenttype' || n.compact === 'type'),
    version: column((n) => hasWord(n, 'version') && !hasWord(n, 'date')),
    effective: column((n) => hasWord(n, 'effective')),
    retirement: column((n) => hasWord(n, 'retirement', 'retired', 'ending', 'end')),
    updated: column((n) => hasWord(n, 'updated') && !hasWord(n, 'sort')),
    note: column((n) => n.compact === 'note' || n.compact === 'notes' || n.compact === 'status'),
    url: column((n) => hasWord(n, 'url', 'link')),
  };
}

/**
 * The Medicare Coverage Database index: one fact per LCD or article (id, title, contractors,
 * type, version, dates, URL), with the line it starts on. A contractor cell may list several
 * contractors, each a name line followed by its types in parentheses.
 */
export const parseMcdIndex: StructuredParser = async (file, options) => {
  const table = await readTable(file);
  const header = findHeaderRow(headCells(table), matchMcdIndexHeader);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      'no coverage database index found: no header naming the document id, title and contractor',
    );
  }
  const records = reiterable(() => mcdRecords(table, header.index + 1, header.columns));
  return {
    meta: definedMeta({
      // The index is a snapshot: its newest update names the release; it dates nothing itself.
      release: newestUpdate(records),
      effectiveFrom: options.effective,
      title: options.title,
      publisher: 'CMS Medicare Coverage Database',
    }),
    estimatedRecords: Math.max(0, table.estimatedRows - header.index - 1),
    records,
  };
};

function newestUpdate(records: Iterable<ParsedRecord>): string | undefined {
  let newest: string | undefined;
  for (const record of records) {
    if (record.kind !== 'mcd-document' || record.updatedOn === null) continue;
    if (newest === undefined || record.updatedOn > newest) newest = record.updatedOn;
  }
  return newest && `updated ${newest}`;
}

function* mcdRecords(
  table: TableSource,
  skip: number,
  columns: McdIndexColumns,
): Generator<ParsedRecord> {
  for (const { cells, locator } of rowsAfter(table, skip)) {
    if (isBlankRow(cells)) {
      yield skipRow('blank row', locator);
      continue;
    }
    const displayId = cellAt(cells, columns.displayId).toUpperCase();
    if (!isMcdDocumentId(displayId)) {
      yield skipRow(`"${clip(displayId)}" is not an LCD or article id`, locator);
      continue;
    }
    const title = cellAt(cells, columns.title);
    if (title === '') {
      yield skipRow('no title', locator);
      continue;
    }
    const contractorText = cellAt(cells, columns.contractor);
    const text = (column: number | null) => cellAt(cells, column) || null;
    const date = (column: number | null) => toIsoDate(cellAt(cells, column));
    const fact: McdDocumentFact = {
      kind: 'mcd-document',
      displayId,
      documentType: text(columns.documentType) ?? (displayId.includes('L') ? 'LCD' : 'Article'),
      documentVersion: text(columns.version),
      title,
      contractors: contractorNames(contractorText),
      contractorText: contractorText.replace(/\s*\r?\n\s*/g, '\n').replace(/\n{2,}/g, '\n'),
      effectiveDate: date(columns.effective),
      retirementDate: date(columns.retirement),
      updatedOn: date(columns.updated),
      note: text(columns.note),
      url: text(columns.url),
      locator,
    };
    yield fact;
  }
}

/**
 * "CGS Administrators, LLC\n(DME MAC)\n\nNoridian Healthcare Solutions, LLC\n(DME MAC)" →
 * both names. Lines in parentheses are the contractor types.
 */
export function contractorNames(cell: string): string[] {
  const names = cell
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('('));
  return [...new Set(names)];
}
