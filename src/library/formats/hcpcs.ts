import { parseFailed } from '../../errors/codecard-error.ts';
import type { ImportOptions, SourceFile, StructuredParser } from '../import-kind.ts';
import { definedMeta } from './dataset-meta.ts';
import type { SkippedRow } from './fact-record.ts';
import {
  baseName,
  monthReleaseFromFileName,
  releaseLabel,
  releaseStart,
} from './file-name-hints.ts';
import { hcpcsColumnRole, type HcpcsColumnRole, type HcpcsField } from './hcpcs-fields.ts';
import { hcpcsFixedWidthLines, looksLikeHcpcsFixedWidth } from './hcpcs-fixed-width.ts';
import { joinHcpcsLines, type HcpcsLine } from './hcpcs-record.ts';
import { findHeaderRow, type HeaderName } from './header-match.ts';
import { reiterable } from './reiterable.ts';
import { skipRow } from './skipped-row.ts';
import { cellAt, headCells, isBlankRow, rowsAfter } from './table-rows.ts';
import { readDelimitedText, readTableInput, type TableSource } from './table-source.ts';

export interface HcpcsColumns {
  code: number;
  recordId: number | null;
  longDescription: number;
  /** Every other recognized column, by field (repeated fields have several columns). */
  fields: [column: number, field: HcpcsField][];
}

/** The CMS CSV/XLSX header (HCPC, SEQNUM, RECID, LONG DESCRIPTION ...) or its snake-case copies. */
export function matchHcpcsHeader(names: HeaderName[]): HcpcsColumns | null {
  const roles = names.map((name) => (name.compact === '' ? null : hcpcsColumnRole(name.compact)));
  const first = (role: HcpcsColumnRole) => roles.indexOf(role);
  const code = first('code');
  const recordId = first('recordId');
  const longDescription = first('longDescription');
  if (code < 0 || longDescription < 0 || recordId < 0) return null;
  const fields: [number, HcpcsField][] = [];
  roles.forEach((role, column) => {
    if (role !== null && role !== 'code' && role !== 'recordId' && role !== 'longDescription') {
      fields.push([column, role]);
    }
  });
  return { code, recordId, longDescription, fields };
}

/**
 * HCPCS Level II: the CMS fixed-width annual/quarterly TXT (disclaimer preamble, RECID 3/7 main
 * records, 4/8 continuations) and the CSV/XLSX releases with a header row.
 */
export const parseHcpcs: StructuredParser = async (file, options) => {
  const input = await readTableInput(file);
  if (input.kind === 'text' && looksLikeHcpcsFixedWidth(input.text.head)) {
    const text = input.text.whole();
    return {
      meta: hcpcsMeta(file, options),
      estimatedRecords: Math.round(text.length / 400),
      records: reiterable(() => joinHcpcsLines(hcpcsFixedWidthLines(text))),
    };
  }
  const table =
    input.kind === 'workbook'
      ? input.table
      : readDelimitedText(input.text.whole(), file.fileName, input.delimiter);
  const header = findHeaderRow(headCells(table), matchHcpcsHeader);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      'no HCPCS table found: neither the CMS fixed-width record layout nor a header with HCPC, RECID and LONG DESCRIPTION',
    );
  }
  const skip = header.index + 1;
  return {
    meta: hcpcsMeta(file, options),
    estimatedRecords: Math.max(0, table.estimatedRows - skip),
    records: reiterable(() => joinHcpcsLines(tableLines(table, skip, header.columns))),
  };
};

function* tableLines(
  table: TableSource,
  skip: number,
  columns: HcpcsColumns,
): Generator<HcpcsLine | SkippedRow> {
  for (const row of rowsAfter(table, skip)) {
    if (isBlankRow(row.cells)) {
      yield skipRow('blank row', row.locator);
      continue;
    }
    const fields: Partial<Record<HcpcsField, string>> = {};
    for (const [column, field] of columns.fields) {
      const value = cellAt(row.cells, column);
      if (value === '') continue;
      const previous = fields[field];
      fields[field] = previous === undefined ? value : `${previous},${value}`;
    }
    yield {
      code: cellAt(row.cells, columns.code).toUpperCase(),
      recordId: cellAt(row.cells, columns.recordId),
      longDescription: cellAt(row.cells, columns.longDescription),
      fields,
      locator: row.locator,
    };
  }
}

// Both layouts recognized here are the CMS release's own.
function hcpcsMeta(file: SourceFile, options: ImportOptions) {
  const release = monthReleaseFromFileName(baseName(file.fileName));
  return definedMeta({
    system: 'hcpcs',
    release: release ? releaseLabel(release) : undefined,
    effectiveFrom: options.effective ?? (release ? releaseStart(release) : undefined),
    title: options.title,
    publisher: 'CMS',
  });
}
