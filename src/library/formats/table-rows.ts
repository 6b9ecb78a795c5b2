import type { TableRow, TableSource } from './table-source.ts';

/** The first rows' cells, where headers, notices and captions are looked for. */
export function headCells(table: TableSource, limit = 40): string[][] {
  const head: string[][] = [];
  for (const row of table.rows) {
    if (head.length >= limit) break;
    head.push(row.cells);
  }
  return head;
}

/** The rows after the first `count` (the header and anything above it). */
export function* rowsAfter(table: TableSource, count: number): Generator<TableRow> {
  let seen = 0;
  for (const row of table.rows) {
    if (seen++ < count) continue;
    yield row;
  }
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === '');
}

/** A cell by column index; a missing or absent column reads as empty. */
export function cellAt(cells: readonly string[], column: number | null): string {
  return column === null ? '' : (cells[column] ?? '');
}
