import type { ClaimResult } from '../rules/claim-checker.ts';
import { csvColumns, csvRows } from '../domain/check-report-csv.ts';
import { csvCell } from '../domain/csv-cell.ts';

// The CSV layout lives in the domain so the web app's export writes the same rows.

/** Machine-readable report formats, shared by `codecard check` and the batch-check download. */
export const reportFormats = ['json', 'ndjson', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * Writes a report one claim at a time, so neither the CLI nor a download holds the whole report
 * as one string. The JSON form is byte for byte what `JSON.stringify({claims}, null, 2)` gives,
 * written in pieces.
 */
export interface ReportWriter {
  head(): string;
  item(result: ClaimResult): string;
  tail(): string;
}

export function reportWriter(format: ReportFormat): ReportWriter {
  switch (format) {
    case 'json': {
      let count = 0;
      return {
        head: () => '{\n  "claims": [',
        // JSON strings never hold a raw newline, so indenting after each one is safe.
        item: (result) =>
          `${count++ === 0 ? '' : ','}\n    ${JSON.stringify(result, null, 2).replaceAll('\n', '\n    ')}`,
        tail: () => (count === 0 ? ']\n}\n' : '\n  ]\n}\n'),
      };
    }
    case 'ndjson':
      return { head: () => '', item: (result) => `${JSON.stringify(result)}\n`, tail: () => '' };
    case 'csv':
      return {
        head: () => `${csvColumns.join(',')}\n`,
        item: (result) =>
          csvRows(result)
            .map((row) => `${row.map(csvCell).join(',')}\n`)
            .join(''),
        tail: () => '',
      };
  }
}
