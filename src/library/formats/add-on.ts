import { parseFailed } from '../../errors/codecard-error.ts';
import type { StructuredParser } from '../import-kind.ts';
import { isCodeRange, splitCodeList } from './code-shape.ts';
import { definedMeta } from './dataset-meta.ts';
import type { ParsedRecord } from './fact-record.ts';
import { findColumn, findHeaderRow, hasWord, type HeaderName } from './header-match.ts';
import { reiterable } from './reiterable.ts';
import { clip, skipRow } from './skipped-row.ts';
import { cellAt, headCells, isBlankRow, rowsAfter } from './table-rows.ts';
import { readTable, type TableSource } from './table-source.ts';
import { isProcedureCode } from '../../domain/code-shape.ts';

export interface AddOnColumns {
  addOn: number;
  primary: number;
}

// CMS's add-on file also has "AOC Edit Type", "Add-on Code Effective Date", "Primary Code
// Deletion Date" ...: those name the codes but are not them.
const notACodeColumn = (n: HeaderName) =>
  hasWord(
    n,
    'type',
    'date',
    'effective',
    'deletion',
    'edit',
    'description',
    'descriptor',
    'note',
    'notes',
  );

/** Headers naming the add-on code ("Add-on Code", "addon_code", "AOC") and the primary code. */
export function matchAddOnHeader(names: HeaderName[]): AddOnColumns | null {
  const addOn = findColumn(
    names,
    (n) =>
      (n.compact.includes('addon') || n.words[0] === 'aoc') &&
      !hasWord(n, 'primary') &&
      !notACodeColumn(n),
  );
  const primary = findColumn(names, (n) => hasWord(n, 'primary') && !notACodeColumn(n), [addOn]);
  return addOn < 0 || primary < 0 ? null : { addOn, primary };
}

/**
 * Add-on code lists: one row per add-on/primary pair, or a primary cell listing several codes
 * (comma, semicolon or space separated), each of which becomes its own fact.
 */
export const parseAddOn: StructuredParser = async (file, options) => {
  const table = await readTable(file);
  const header = findHeaderRow(headCells(table), matchAddOnHeader);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      'no add-on code list found: no header naming the add-on code and the primary code',
    );
  }
  return {
    meta: definedMeta({ effectiveFrom: options.effective, title: options.title }),
    estimatedRecords: Math.max(0, table.estimatedRows - header.index - 1),
    records: reiterable(() => addOnRecords(table, header.index + 1, header.columns)),
  };
};

function* addOnRecords(
  table: TableSource,
  skip: number,
  columns: AddOnColumns,
): Generator<ParsedRecord> {
  for (const { cells, locator } of rowsAfter(table, skip)) {
    if (isBlankRow(cells)) {
      yield skipRow('blank row', locator);
      continue;
    }
    const addOnCode = cellAt(cells, columns.addOn).toUpperCase();
    if (!isProcedureCode(addOnCode)) {
      yield skipRow(
        `add-on code "${clip(cellAt(cells, columns.addOn))}" is not a procedure code`,
        locator,
      );
      continue;
    }
    const primaries = splitCodeList(cellAt(cells, columns.primary));
    if (primaries.length === 0) yield skipRow(`${addOnCode} has no primary code`, locator);
    for (const primaryCode of primaries) {
      if (isCodeRange(primaryCode)) {
        yield skipRow(`primary code range "${clip(primaryCode)}" is not expanded`, locator);
      } else if (!isProcedureCode(primaryCode)) {
        yield skipRow(`primary code "${clip(primaryCode)}" is not a procedure code`, locator);
      } else {
        yield { kind: 'addon', addOnCode, primaryCode, locator };
      }
    }
  }
}
