import type { IsoDate } from '../../domain/day.ts';
import { isProcedureCode } from '../../domain/code-shape.ts';
import type { ParsedRecord } from './fact-record.ts';
import { toIsoDate } from './iso-date.ts';
import type { PtpColumns } from './ncci-ptp-columns.ts';
import { clip } from './skipped-row.ts';
import { cellAt } from './table-rows.ts';

// The prior-1996 flag: CMS writes "*" for yes and leaves it blank for no; copies spell it out.
const priorYes = new Set(['*', 'Y', 'YES', 'TRUE', '1', 'X']);
const priorNo = new Set(['', 'N', 'NO', 'FALSE', '0']);

/**
 * One PTP row as a record: the edit, or a skip naming the first cell that is not what the
 * layout says it is. `dates` caches parsed dates across the rows of one file.
 */
export function ptpRecord(
  cells: readonly string[],
  columns: PtpColumns,
  locator: string,
  dates: Map<string, IsoDate | null>,
): ParsedRecord {
  const column1 = cellAt(cells, columns.column1).trim().toUpperCase();
  const column2 = cellAt(cells, columns.column2).trim().toUpperCase();
  if (column1 === '' && column2 === '' && cells.every((cell) => cell.trim() === '')) {
    return { kind: 'skip', reason: 'blank row', locator };
  }
  if (!isProcedureCode(column1)) {
    return {
      kind: 'skip',
      reason: `column 1 "${clip(cellAt(cells, columns.column1).trim())}" is not a procedure code`,
      locator,
    };
  }
  if (!isProcedureCode(column2)) {
    return {
      kind: 'skip',
      reason: `column 2 "${clip(cellAt(cells, columns.column2).trim())}" is not a procedure code`,
      locator,
    };
  }
  const modifier = cellAt(cells, columns.modifier).trim();
  if (modifier !== '0' && modifier !== '1' && modifier !== '9') {
    return { kind: 'skip', reason: `invalid modifier indicator "${clip(modifier)}"`, locator };
  }
  const prior = cellAt(cells, columns.prior1996).trim().toUpperCase();
  if (!priorYes.has(prior) && !priorNo.has(prior)) {
    return { kind: 'skip', reason: `invalid prior-1996 flag "${clip(prior)}"`, locator };
  }
  const effectiveText = cellAt(cells, columns.effective).trim();
  const effectiveFrom = effectiveText === '' ? null : cachedDate(dates, effectiveText);
  if (effectiveText !== '' && effectiveFrom === null) {
    return { kind: 'skip', reason: `invalid effective date "${clip(effectiveText)}"`, locator };
  }
  // CMS writes "*" for "no deletion date": the edit is still active.
  const deletionText = cellAt(cells, columns.deletion).trim();
  const noDeletion = deletionText === '' || deletionText === '*';
  const deletionDate = noDeletion ? null : cachedDate(dates, deletionText);
  if (!noDeletion && deletionDate === null) {
    return { kind: 'skip', reason: `invalid deletion date "${clip(deletionText)}"`, locator };
  }
  const rationale = cellAt(cells, columns.rationale).trim();
  return {
    kind: 'ptp',
    column1,
    column2,
    prior1996: priorYes.has(prior),
    effectiveFrom,
    deletionDate,
    modifierIndicator: modifier === '0' ? 0 : modifier === '1' ? 1 : 9,
    rationale: rationale === '' ? null : rationale,
    locator,
  };
}

// A quarterly file has a few thousand distinct dates over millions of rows.
function cachedDate(cache: Map<string, IsoDate | null>, raw: string): IsoDate | null {
  let iso = cache.get(raw);
  if (iso === undefined) {
    iso = toIsoDate(raw);
    if (cache.size < 100_000) cache.set(raw, iso);
  }
  return iso;
}
