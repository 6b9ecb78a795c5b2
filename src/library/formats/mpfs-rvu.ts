import { parseFailed } from '../../errors/codecard-error.ts';
import type { ImportOptions, SourceFile, StructuredParser } from '../import-kind.ts';
import { definedMeta } from './dataset-meta.ts';
import type { ParsedRecord, RvuFact } from './fact-record.ts';
import {
  baseName,
  monthReleaseFromFileName,
  releaseLabel,
  releaseStart,
} from './file-name-hints.ts';
import { headerName, optionalColumn, type HeaderHit } from './header-match.ts';
import { reiterable } from './reiterable.ts';
import { clip, skipRow } from './skipped-row.ts';
import { cellAt, headCells, isBlankRow, rowsAfter } from './table-rows.ts';
import { readTable, type TableSource } from './table-source.ts';
import { isModifierCode, isProcedureCode } from '../../domain/code-shape.ts';

type Indicator = Exclude<keyof RvuFact, 'kind' | 'code' | 'modifier' | 'columns' | 'locator'>;

export type RvuColumns = { code: number; modifier: number | null } & Record<
  Indicator,
  number | null
>;

/** Compacted header names ("CO-" over "SURG" -> "cosurg") for each indicator column. */
const indicatorNames: readonly (readonly [Indicator, readonly string[]])[] = [
  ['statusCode', ['statuscode', 'status', 'statusindicator']],
  ['globalDays', ['globdays', 'globaldays', 'globalperiod', 'global']],
  ['multipleProcedure', ['multproc', 'multipleprocedure', 'multipleprocedures']],
  ['bilateralSurgery', ['bilatsurg', 'bilateralsurgery', 'bilateral']],
  ['assistantSurgery', ['asstsurg', 'assistantsurgery', 'assistantatsurgery']],
  ['coSurgeons', ['cosurg', 'cosurgeons', 'cosurgery']],
  ['teamSurgery', ['teamsurg', 'teamsurgery']],
];
/** The fee inputs' columns; they do not count towards recognizing the table. */
const valueNames: readonly (readonly [Indicator, readonly string[]])[] = [
  ['workRvu', ['workrvu', 'workrvus']],
  ['nonFacilityPeRvu', ['nonfacpervu', 'nonfacilitypervu', 'nonfacilitypracticeexpenservu']],
  ['facilityPeRvu', ['facilitypervu', 'facpervu', 'facilitypracticeexpenservu']],
  ['mpRvu', ['mprvu', 'malpracticervu']],
  ['nonFacilityNa', ['nonfacnaindicator', 'nonfacilitynaindicator', 'nonfacna']],
  ['facilityNa', ['facilitynaindicator', 'facnaindicator', 'facilityna']],
  ['pctcIndicator', ['pctcind', 'pctcindicator', 'pctc']],
  ['conversionFactor', ['convfactor', 'conversionfactor']],
];
const codeNames = ['hcpcs', 'hcpc', 'hcpcscode', 'cpthcpcs', 'cpthcpcscode', 'cptcode', 'code'];
const modifierNames = ['mod', 'modifier'];
/** How many caption rows a stacked header may span above its last row. */
const maxStack = 6;

/**
 * The PPRRVU header is stacked over several rows ("GLOB" above "DAYS", "CO-" above "SURG"), so
 * each column is matched by its name read bottom-up over up to six rows, stopping at a blank row.
 * The last header row is the one naming the HCPCS column.
 */
export function findRvuHeader(rows: readonly (readonly string[])[]): HeaderHit<RvuColumns> | null {
  const stop = Math.min(rows.length, 40);
  for (let index = 0; index < stop; index++) {
    const last = rows[index] ?? [];
    const code = last.findIndex((cell) => codeNames.includes(headerName(cell).compact));
    if (code < 0) continue;
    const stacks = columnStacks(rows, index);
    const find = (names: readonly string[]) =>
      stacks.findIndex(
        (candidates, column) => column !== code && candidates.some((c) => names.includes(c)),
      );
    const columns = { code, modifier: optionalColumn(find(modifierNames)) } as RvuColumns;
    let found = 0;
    for (const [indicator, names] of indicatorNames) {
      columns[indicator] = optionalColumn(find(names));
      if (columns[indicator] !== null) found++;
    }
    for (const [value, names] of valueNames) columns[value] = optionalColumn(find(names));
    if (found >= 3) return { index, columns };
  }
  return null;
}

/**
 * Each column's label as the file prints it, the stacked header words read top-down ("NON-FAC"
 * over "PE RVU" → "NON-FAC PE RVU"); empty for a column without a name.
 */
export function rvuColumnLabels(rows: readonly (readonly string[])[], index: number): string[] {
  let top = index;
  while (top > 0 && index - top < maxStack - 1 && !isBlankRow(rows[top - 1] ?? [])) top--;
  const width = Math.max(...rows.slice(top, index + 1).map((row) => row.length));
  return Array.from({ length: width }, (_, column) =>
    rows
      .slice(top, index + 1)
      .map((row) => cellAt(row, column))
      .filter((cell) => cell !== '')
      .join(' ')
      .replace(/\s+/g, ' '),
  );
}

/** For each column: its compacted name from the last row alone, then with each row above added. */
function columnStacks(rows: readonly (readonly string[])[], index: number): string[][] {
  let top = index;
  while (top > 0 && index - top < maxStack - 1 && !isBlankRow(rows[top - 1] ?? [])) top--;
  const width = Math.max(...rows.slice(top, index + 1).map((row) => row.length));
  return Array.from({ length: width }, (_, column) => {
    const candidates: string[] = [];
    let words = '';
    for (let row = index; row >= top; row--) {
      const cell = cellAt(rows[row] ?? [], column);
      if (cell === '') continue;
      words = `${cell} ${words}`;
      candidates.push(headerName(words).compact);
    }
    return candidates;
  });
}

/**
 * Physician Fee Schedule RVU indicators: the CMS PPRRVU CSV/XLSX (caption lines, a header
 * stacked over several rows) and simple tables with the same column names.
 */
export const parseMpfsRvu: StructuredParser = async (file, options) => {
  const table = await readTable(file);
  const head = headCells(table);
  const header = findRvuHeader(head);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      'no RVU table found: no header naming HCPCS and the indicator columns (STATUS CODE, GLOB DAYS, MULT PROC ...)',
    );
  }
  const labels = keptColumns(rvuColumnLabels(head, header.index), header.columns);
  return {
    meta: rvuMeta(file, options, head.slice(0, header.index)),
    estimatedRecords: Math.max(0, table.estimatedRows - header.index - 1),
    records: reiterable(() => rvuRecords(table, header.index + 1, header.columns, labels)),
  };
};

/**
 * The columns kept whole on each row: every named column but the code, the modifier and the
 * description (CPT short descriptors are AMA-licensed; descriptors come from code tables).
 */
function keptColumns(labels: readonly string[], columns: RvuColumns): [number, string][] {
  return labels
    .map((label, column): [number, string] => [column, label])
    .filter(
      ([column, label]) =>
        label !== '' &&
        column !== columns.code &&
        column !== columns.modifier &&
        !/\bdesc/i.test(label),
    );
}

function* rvuRecords(
  table: TableSource,
  skip: number,
  columns: RvuColumns,
  labels: readonly [number, string][],
): Generator<ParsedRecord> {
  for (const row of rowsAfter(table, skip))
    yield rvuRecord(row.cells, columns, labels, row.locator);
}

function rvuRecord(
  cells: readonly string[],
  columns: RvuColumns,
  labels: readonly [number, string][],
  locator: string,
): ParsedRecord {
  if (isBlankRow(cells)) return skipRow('blank row', locator);
  const code = cellAt(cells, columns.code).toUpperCase();
  if (!isProcedureCode(code))
    return skipRow(`"${clip(cellAt(cells, columns.code))}" is not a procedure code`, locator);
  const modifier = cellAt(cells, columns.modifier).toUpperCase();
  if (modifier !== '' && !isModifierCode(modifier)) {
    return skipRow(`"${clip(modifier)}" is not a modifier`, locator);
  }
  const value = (indicator: Indicator) => cellAt(cells, columns[indicator]) || null;
  return {
    kind: 'rvu',
    code,
    modifier: modifier || null,
    statusCode: value('statusCode'),
    globalDays: value('globalDays'),
    multipleProcedure: value('multipleProcedure'),
    bilateralSurgery: value('bilateralSurgery'),
    assistantSurgery: value('assistantSurgery'),
    coSurgeons: value('coSurgeons'),
    teamSurgery: value('teamSurgery'),
    workRvu: value('workRvu'),
    nonFacilityPeRvu: value('nonFacilityPeRvu'),
    facilityPeRvu: value('facilityPeRvu'),
    mpRvu: value('mpRvu'),
    nonFacilityNa: value('nonFacilityNa'),
    facilityNa: value('facilityNa'),
    pctcIndicator: value('pctcIndicator'),
    conversionFactor: value('conversionFactor'),
    columns: labels.map(([column, label]) => [label, cellAt(cells, column)] as const),
    locator,
  };
}

function rvuMeta(file: SourceFile, options: ImportOptions, captions: readonly string[][]) {
  const release = monthReleaseFromFileName(baseName(file.fileName));
  const title = captions
    .flat()
    .find((cell) => /relative value file/i.test(cell) && cell.length < 200);
  return definedMeta({
    release: release ? releaseLabel(release) : undefined,
    effectiveFrom: options.effective ?? (release?.month ? releaseStart(release) : undefined),
    title: options.title ?? title,
    publisher: title !== undefined && /physician fee schedule/i.test(title) ? 'CMS' : undefined,
  });
}
