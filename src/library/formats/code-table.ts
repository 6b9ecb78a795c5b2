import { parseFailed } from '../../errors/codecard-error.ts';
import type { DescriptorColumn, StructuredParser } from '../import-kind.ts';
import { definedMeta } from './dataset-meta.ts';
import type { DescriptorFact, ParsedRecord } from './fact-record.ts';
import { findColumn, findHeaderRow, hasWord, headerName, type HeaderName } from './header-match.ts';
import { reiterable } from './reiterable.ts';
import { clip, skipRow } from './skipped-row.ts';
import { cellAt, headCells, isBlankRow, rowsAfter } from './table-rows.ts';
import { readTable, type TableSource } from './table-source.ts';
import { effectiveDateFromFileName } from './file-name-hints.ts';
import { normalizeCode, systemsForShape } from '../../domain/code-shape.ts';
import type { CodeSystem } from '../../domain/code-system.ts';

export interface CodeTableColumns {
  code: number;
  long: number | null;
  medium: number | null;
  short: number | null;
  consumer: number | null;
  /** The remaining named columns, kept as attributes. */
  others: [column: number, header: string][];
}

const codeWords = new Set([
  'cpt',
  'hcpcs',
  'hcpc',
  'procedure',
  'proc',
  'service',
  'icd',
  '10',
  'cm',
]);

/** "code", "CPT Code", "HCPCS", "CPT/HCPCS code", "procedure code" (never "status code"). */
export function isCodeHeader(name: HeaderName): boolean {
  const words = [...name.words];
  const last = words.pop();
  if (last === 'code' || last === 'codes') return words.every((word) => codeWords.has(word));
  return words.length === 0 && (last === 'cpt' || last === 'hcpcs' || last === 'hcpc');
}

const isLong = (n: HeaderName) =>
  hasWord(n, 'long', 'full') || ['description', 'descriptor', 'desc', 'descr'].includes(n.text);
const isMedium = (n: HeaderName) => hasWord(n, 'medium', 'med');
const isShort = (n: HeaderName) => hasWord(n, 'short', 'abbreviated');
const isConsumer = (n: HeaderName) => hasWord(n, 'consumer', 'lay', 'plain', 'patient');

type DescriptorField = Exclude<DescriptorColumn, 'code'>;
const descriptorTests: [DescriptorField, (name: HeaderName) => boolean][] = [
  ['long', isLong],
  ['medium', isMedium],
  ['short', isShort],
  ['consumer', isConsumer],
];

/** A code column plus at least one descriptor column, by loose header names. */
export function matchCodeTableHeader(names: HeaderName[]): CodeTableColumns | null {
  const code = findColumn(names, isCodeHeader);
  return code < 0 ? null : descriptorColumns(names, code, {});
}

/**
 * Columns named in `options.columnMap` (our field -> the file's header); descriptor fields the
 * map leaves out are still found by their loose names.
 */
function matchMappedHeader(map: Partial<Record<DescriptorColumn, string>>) {
  const targets = Object.entries(map)
    .filter((entry): entry is [DescriptorColumn, string] => entry[1] !== undefined)
    .map(([field, header]) => [field, headerName(header).text] as const);
  return (names: HeaderName[]): CodeTableColumns | null => {
    const fixed: Partial<Record<DescriptorColumn, number>> = {};
    for (const [field, text] of targets) {
      const column = names.findIndex((name) => name.text !== '' && name.text === text);
      if (column < 0) return null;
      fixed[field] = column;
    }
    return fixed.code === undefined ? null : descriptorColumns(names, fixed.code, fixed);
  };
}

function descriptorColumns(
  names: HeaderName[],
  code: number,
  fixed: Partial<Record<DescriptorColumn, number>>,
): CodeTableColumns | null {
  const taken = [code, ...Object.values(fixed)];
  const found: Partial<Record<DescriptorField, number>> = {};
  for (const [field, test] of descriptorTests) {
    const column = fixed[field] ?? findColumn(names, test, taken);
    if (column < 0) continue;
    found[field] = column;
    taken.push(column);
  }
  if (Object.keys(found).length === 0) return null;
  const others: [number, string][] = [];
  names.forEach((name, column) => {
    if (name.text !== '' && !taken.includes(column)) others.push([column, name.text]);
  });
  return {
    code,
    long: found.long ?? null,
    medium: found.medium ?? null,
    short: found.short ?? null,
    consumer: found.consumer ?? null,
    others,
  };
}

/**
 * Generic code descriptor tables (an organization's licensed CPT files, payer code lists):
 * code with long, medium, short and consumer-friendly descriptors, by `options.columnMap` or by
 * loose header names. Codes are stored in the canonical form of `options.system` (default cpt).
 */
export const parseCodeTable: StructuredParser = async (file, options) => {
  const table = await readTable(file);
  const system = options.system ?? 'cpt';
  const match =
    options.columnMap !== undefined && options.columnMap.code !== undefined
      ? matchMappedHeader(options.columnMap)
      : matchCodeTableHeader;
  const header = findHeaderRow(headCells(table), match);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      options.columnMap?.code !== undefined
        ? `no header row holds the mapped columns (${Object.values(options.columnMap).join(', ')})`
        : 'no code table found: no header with a code column and a description column',
    );
  }
  return {
    meta: definedMeta({
      system,
      // An organization's release date, when its file name carries one ("..._Eff_01-01-2026.csv").
      effectiveFrom: options.effective ?? effectiveDateFromFileName(file.fileName),
      title: options.title,
    }),
    estimatedRecords: Math.max(0, table.estimatedRows - header.index - 1),
    records: reiterable(() => codeRecords(table, header.index + 1, header.columns, system)),
  };
};

function* codeRecords(
  table: TableSource,
  skip: number,
  columns: CodeTableColumns,
  system: CodeSystem,
): Generator<ParsedRecord> {
  for (const row of rowsAfter(table, skip)) {
    yield codeRecord(row.cells, columns, system, row.locator);
  }
}

function codeRecord(
  cells: readonly string[],
  columns: CodeTableColumns,
  system: CodeSystem,
  locator: string,
): ParsedRecord {
  if (isBlankRow(cells)) return skipRow('blank row', locator);
  const raw = cellAt(cells, columns.code);
  const code = normalizeCode(system, raw);
  if (!fitsSystem(code, system)) return skipRow(`"${clip(raw)}" is not a ${system} code`, locator);
  const long = cellAt(cells, columns.long);
  const medium = cellAt(cells, columns.medium);
  const short = cellAt(cells, columns.short);
  const consumer = cellAt(cells, columns.consumer);
  const longDescription = long || medium || short || consumer;
  if (longDescription === '') return skipRow(`${code} has no descriptor`, locator);
  const attributes: Record<string, string> = {};
  for (const [column, header] of columns.others) {
    const value = cellAt(cells, column);
    if (value !== '') attributes[header] = value;
  }
  const fact: DescriptorFact = {
    kind: 'descriptor',
    system,
    code,
    longDescription,
    mediumDescription: medium || null,
    shortDescription: short || null,
    consumerDescription: consumer || null,
    attributes,
    locator,
  };
  return fact;
}

/** CPT and HCPCS tables mix Level I and Level II codes, so either shape is accepted for both. */
function fitsSystem(code: string, system: CodeSystem): boolean {
  const shapes = systemsForShape(code);
  if (system === 'cpt' || system === 'hcpcs') {
    return shapes.includes('cpt') || shapes.includes('hcpcs');
  }
  return shapes.includes(system);
}
