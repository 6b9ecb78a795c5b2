import { parseFailed } from '../../errors/codecard-error.ts';
import type { ImportOptions, SourceFile, StructuredParser } from '../import-kind.ts';
import { definedMeta } from './dataset-meta.ts';
import type { MueFact, ParsedRecord } from './fact-record.ts';
import { baseName, effectiveDateFromFileName, settingFromText } from './file-name-hints.ts';
import {
  findColumn,
  findHeaderRow,
  hasWord,
  optionalColumn,
  type HeaderName,
} from './header-match.ts';
import { reiterable } from './reiterable.ts';
import { clip } from './skipped-row.ts';
import { cellAt, headCells, isBlankRow, rowsAfter } from './table-rows.ts';
import { readTable, type TableSource } from './table-source.ts';
import { isProcedureCode } from '../../domain/code-shape.ts';

export interface MueColumns {
  code: number;
  value: number;
  adjudication: number | null;
  rationale: number | null;
  /** The value column's own header names the setting ("Practitioner Services MUE Values"). */
  valueHeader: string;
}

/**
 * CMS headers ("HCPCS/\nCPT Code", "Outpatient Hospital Services MUE Values", "MUE Adjudication
 * Indicator", "MUE Rationale") and simplified ones (hcpcs_cpt_code, outpatient_hospital_mue_value).
 */
export function matchMueHeader(names: HeaderName[]): MueColumns | null {
  const value = findColumn(
    names,
    (n) =>
      hasWord(n, 'mue', 'mues') &&
      !hasWord(n, 'adjudication', 'indicator', 'mai', 'rationale', 'code', 'date'),
  );
  if (value < 0) return null;
  const code = findColumn(
    names,
    (n) => hasWord(n, 'hcpcs', 'hcpc', 'cpt') || n.text === 'code' || n.text === 'procedure code',
    [value],
  );
  if (code < 0) return null;
  const adjudication = findColumn(
    names,
    (n) => hasWord(n, 'adjudication', 'mai') || n.text === 'indicator',
    [value, code],
  );
  const rationale = findColumn(names, (n) => hasWord(n, 'rationale', 'reason'), [value, code]);
  return {
    code,
    value,
    adjudication: optionalColumn(adjudication),
    rationale: optionalColumn(rationale),
    valueHeader: names[value]?.text ?? '',
  };
}

/**
 * NCCI Medically Unlikely Edits: the CMS CSV/XLSX tables (notice record, then a header whose
 * first cell holds a line break) for practitioner, outpatient hospital and DME, and simplified
 * tables with recognizable headers.
 */
export const parseNcciMue: StructuredParser = async (file, options) => {
  const table = await readTable(file);
  const head = headCells(table);
  const header = findHeaderRow(head, matchMueHeader);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      'no MUE table found: no header naming the HCPCS/CPT code and the MUE value',
    );
  }
  return {
    meta: mueMeta(file, options, header.columns),
    estimatedRecords: Math.max(0, table.estimatedRows - header.index - 1),
    records: reiterable(() => mueRecords(table, header.index + 1, header.columns)),
  };
};

function* mueRecords(
  table: TableSource,
  skip: number,
  columns: MueColumns,
): Generator<ParsedRecord> {
  for (const row of rowsAfter(table, skip)) yield mueRecord(row.cells, columns, row.locator);
}

function mueRecord(cells: readonly string[], columns: MueColumns, locator: string): ParsedRecord {
  if (isBlankRow(cells)) return { kind: 'skip', reason: 'blank row', locator };
  const code = cellAt(cells, columns.code).toUpperCase();
  if (!isProcedureCode(code)) {
    return {
      kind: 'skip',
      reason: `"${clip(cellAt(cells, columns.code))}" is not a procedure code`,
      locator,
    };
  }
  const valueText = cellAt(cells, columns.value);
  if (!/^\d{1,6}$/.test(valueText)) {
    return { kind: 'skip', reason: `invalid MUE value "${clip(valueText)}"`, locator };
  }
  const adjudicationText = cellAt(cells, columns.adjudication);
  const adjudication = adjudicationOf(adjudicationText);
  if (adjudication === undefined) {
    return {
      kind: 'skip',
      reason: `invalid MUE adjudication indicator "${clip(adjudicationText)}"`,
      locator,
    };
  }
  const rationale = cellAt(cells, columns.rationale);
  const fact: MueFact = {
    kind: 'mue',
    code,
    value: Number(valueText),
    adjudication,
    rationale: rationale === '' ? null : rationale,
    locator,
  };
  return fact;
}

/**
 * CMS writes the indicator as text ("2 Date of Service Edit: Policy", "1 Line Edit"); other
 * tables give the bare digit. Undefined means the cell says something else.
 */
export function adjudicationOf(text: string): 1 | 2 | 3 | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const digit = /^([123])(?![0-9])/.exec(trimmed)?.[1];
  if (digit !== undefined) return digit === '1' ? 1 : digit === '2' ? 2 : 3;
  const lower = trimmed.toLowerCase();
  if (/^line edit\b/.test(lower)) return 1;
  if (/^date of service edit\W+policy\b/.test(lower)) return 2;
  if (/^date of service edit\W+clinical\b/.test(lower)) return 3;
  return undefined;
}

function mueMeta(file: SourceFile, options: ImportOptions, columns: MueColumns) {
  const name = baseName(file.fileName);
  const effective = effectiveDateFromFileName(name);
  return definedMeta({
    setting: options.setting ?? settingFromText(columns.valueHeader) ?? settingFromText(name),
    release: effective,
    effectiveFrom: options.effective ?? effective,
    title: options.title,
    publisher: /^mcr_mue/i.test(name) ? 'CMS' : undefined,
  });
}
