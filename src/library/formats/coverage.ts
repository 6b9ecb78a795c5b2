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
import { formatIcd10cm, isIcd10cmCode, isProcedureCode } from '../../domain/code-shape.ts';

export interface CoverageColumns {
  policy: number;
  procedure: number;
  icd10: number;
}

// Titles, dates, URLs and descriptions sit next to ids and codes in MCD exports.
const notACodeColumn = (n: HeaderName) =>
  hasWord(
    n,
    'title',
    'name',
    'date',
    'url',
    'version',
    'type',
    'description',
    'descriptor',
    'desc',
    'group',
    'paragraph',
  );

/**
 * A policy id column ("LCD", "LCD ID", "Article ID", "document_display_id", "policy"), a
 * procedure code column (CPT/HCPCS) and an ICD-10-CM code column.
 */
export function matchCoverageHeader(names: HeaderName[]): CoverageColumns | null {
  const icd10 = findColumn(
    names,
    (n) => hasWord(n, 'icd', 'diagnosis', 'dx', 'icd10') && !notACodeColumn(n),
  );
  const procedure = findColumn(
    names,
    (n) => hasWord(n, 'cpt', 'hcpcs', 'hcpc', 'procedure', 'proc') && !notACodeColumn(n),
    [icd10],
  );
  const policy = findColumn(
    names,
    (n) =>
      (hasWord(n, 'lcd', 'article', 'policy', 'ncd', 'lcds', 'articles') ||
        n.compact === 'documentdisplayid' ||
        n.compact === 'documentid') &&
      !notACodeColumn(n),
    [icd10, procedure],
  );
  return icd10 < 0 || procedure < 0 || policy < 0 ? null : { policy, procedure, icd10 };
}

/**
 * Coverage lists (LCD / billing-article covered diagnoses): one fact per policy, procedure
 * and diagnosis. Cells listing several codes give one fact each; ICD-10-CM ranges are skipped
 * with a reason, since expanding them needs the code set.
 */
export const parseCoverage: StructuredParser = async (file, options) => {
  const table = await readTable(file);
  const header = findHeaderRow(headCells(table), matchCoverageHeader);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      'no coverage list found: no header naming a policy (LCD/article) id, a procedure code and an ICD-10-CM code',
    );
  }
  return {
    meta: definedMeta({ effectiveFrom: options.effective, title: options.title }),
    estimatedRecords: Math.max(0, table.estimatedRows - header.index - 1),
    records: reiterable(() => coverageRecords(table, header.index + 1, header.columns)),
  };
};

function* coverageRecords(
  table: TableSource,
  skip: number,
  columns: CoverageColumns,
): Generator<ParsedRecord> {
  for (const { cells, locator } of rowsAfter(table, skip)) {
    if (isBlankRow(cells)) {
      yield skipRow('blank row', locator);
      continue;
    }
    const policyId = cellAt(cells, columns.policy).toUpperCase();
    if (policyId === '') {
      yield skipRow('no policy id', locator);
      continue;
    }
    const procedures: string[] = [];
    for (const token of splitCodeList(cellAt(cells, columns.procedure))) {
      if (isProcedureCode(token)) procedures.push(token);
      else if (isCodeRange(token))
        yield skipRow(`procedure range "${clip(token)}" is not expanded`, locator);
      else yield skipRow(`"${clip(token)}" is not a procedure code`, locator);
    }
    const diagnoses: string[] = [];
    for (const token of splitCodeList(cellAt(cells, columns.icd10))) {
      if (isCodeRange(token))
        yield skipRow(`ICD-10-CM range "${clip(token)}" is not expanded`, locator);
      else if (isIcd10cmCode(token)) diagnoses.push(formatIcd10cm(token));
      else yield skipRow(`"${clip(token)}" is not an ICD-10-CM code`, locator);
    }
    if (procedures.length === 0 || diagnoses.length === 0) {
      const missing = procedures.length === 0 ? 'procedure code' : 'ICD-10-CM code';
      yield skipRow(`no valid ${missing}`, locator);
      continue;
    }
    for (const procedureCode of procedures) {
      for (const icd10Code of diagnoses) {
        yield { kind: 'coverage', policyId, procedureCode, icd10Code, locator };
      }
    }
  }
}
