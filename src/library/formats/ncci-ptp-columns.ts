import { isProcedureCode } from '../../domain/code-shape.ts';
import {
  findColumn,
  findHeaderRow,
  hasWord,
  optionalColumn,
  type HeaderName,
} from './header-match.ts';
import { cellAt } from './table-rows.ts';

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
