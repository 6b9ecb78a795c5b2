import { CompiledQuery, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type BulkColumnType =
  'text' | 'integer' | 'smallint' | 'boolean' | 'date' | 'uuid' | 'json' | 'jsonb';
export interface BulkColumn {
  name: string;
  type: BulkColumnType;
}
export type BulkValue = string | number | boolean | null;

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * Loads many rows into one table inside the caller's transaction. On PGlite this is COPY from
 * an in-memory CSV blob (the fast path); on a PostgreSQL server it is INSERT ... SELECT FROM
 * unnest($1::text[], ...) with every value a bound parameter. Table and column names come only
 * from code (checked against a strict identifier pattern), never from input.
 */
export async function bulkInsert(
  trx: Transaction<Database>,
  engine: 'pglite' | 'postgres',
  table: keyof Database,
  columns: readonly BulkColumn[],
  rows: readonly BulkValue[][],
): Promise<void> {
  if (rows.length === 0) return;
  if (engine === 'pglite') await copyCsv(trx, table, columns, rows.map(toCsvLine).join(''));
  else await insertUnnest(trx, table, columns, rows);
}

/** PGlite's fast path: COPY from CSV text (lines made by `toCsvLine`). */
export async function copyCsv(
  trx: Transaction<Database>,
  table: keyof Database,
  columns: readonly BulkColumn[],
  csv: string,
): Promise<void> {
  if (csv === '') return;
  await trx.executeQuery(
    CompiledQuery.raw(
      `COPY ${table} (${columnList(table, columns)}) FROM '/dev/blob' WITH (FORMAT csv)`,
      [new Blob([csv])],
    ),
  );
}

/** A server's path: every value a bound parameter, one array per column. */
export async function insertUnnest(
  trx: Transaction<Database>,
  table: keyof Database,
  columns: readonly BulkColumn[],
  rows: readonly BulkValue[][],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((row) => row[i] ?? null));
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  await trx.executeQuery(
    CompiledQuery.raw(
      `INSERT INTO ${table} (${columnList(table, columns)}) SELECT * FROM unnest(${unnest})`,
      arrays,
    ),
  );
}

function columnList(table: string, columns: readonly BulkColumn[]): string {
  for (const name of [table, ...columns.map((c) => c.name)]) {
    if (!identifier.test(name)) throw new Error(`bad identifier ${name}`);
  }
  return columns.map((c) => c.name).join(', ');
}

/** One CSV line for COPY: NULL unquoted, text always quoted. */
export function toCsvLine(row: readonly BulkValue[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += ',';
    line += csvField(row[i] ?? null);
  }
  return line + '\n';
}

// In COPY's CSV format an unquoted empty field is NULL and a quoted one is the empty string.
function csvField(value: BulkValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return `"${value.replaceAll('"', '""')}"`;
}
