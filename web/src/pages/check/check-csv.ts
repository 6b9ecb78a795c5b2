import { csvColumns, csvRows } from '../../../../src/domain/check-report-csv.ts';
import { csvCell } from '../../../../src/domain/csv-cell.ts';
import type { ClaimResult } from '../../../../src/contracts/checks.ts';

/**
 * The CSV report of checked claims, byte for byte what the batch download gives for the same
 * results. Cells are escaped with the server's own csvCell: a cell a spreadsheet would run as a
 * formula (= + - @) is prefixed with an apostrophe.
 */
export function checkCsv(results: readonly ClaimResult[]): string {
  let text = `${csvColumns.join(',')}\n`;
  for (const result of results)
    for (const row of csvRows(result)) text += `${row.map(csvCell).join(',')}\n`;
  return text;
}

/** A file name part from a claim id: letters, digits, dot, dash and underscore only. */
export function safeFilePart(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 60) || 'claim';
}

// The server's own columns and rows, so both exports read the same.
export { csvColumns };
