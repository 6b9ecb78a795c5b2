import { csvCell } from '../domain/csv-cell.ts';
import type { Citation } from '../domain/citation.ts';
import type { Release, ReleaseDiff } from './change-types.ts';

export const changesCsvHeader = [
  'dataset',
  'from',
  'to',
  'change',
  'key',
  'codes',
  'field',
  'before',
  'after',
  'fromRow',
  'toRow',
] as const;

const releaseLabel = (r: Release) => r.release ?? r.effectiveFrom ?? r.title;
const place = (citations: Citation[], release: Release) =>
  citations.find((c) => c.documentId === release.documentId)?.locator ?? '';

/**
 * A diff as CSV for a spreadsheet: one row per change, the rows it reads in both releases.
 * Every cell goes through csvCell: descriptors are file text (a "=HYPERLINK(…)" stays text).
 */
export function changesCsv(diffs: readonly ReleaseDiff[]): string {
  const rows: string[][] = [[...changesCsvHeader]];
  for (const diff of diffs) {
    for (const change of diff.changes) {
      rows.push([
        diff.to.baseDataset,
        releaseLabel(diff.from),
        releaseLabel(diff.to),
        change.kind,
        change.key,
        change.codes.join(' '),
        change.field ?? '',
        change.before ?? '',
        change.after ?? '',
        place(change.citations, diff.from),
        place(change.citations, diff.to),
      ]);
    }
  }
  return rows.map((row) => `${row.map(csvCell).join(',')}\n`).join('');
}
