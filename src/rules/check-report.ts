import type { ClaimResult } from './check-claims.service.ts';
import { csvCell } from '../domain/csv-cell.ts';

/** Machine-readable report formats, shared by `codecard check` and the batch-check download. */
export const reportFormats = ['json', 'ndjson', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const csvColumns = [
  'claim',
  'rule',
  'severity',
  'lines',
  'codes',
  'modifiers',
  'message',
  'fix',
  'sources',
] as const;

/** What a CSV row needs of a checked claim (the web app's own result type has this shape too). */
export interface ReportableResult {
  id: string;
  findings: readonly {
    rule: string;
    severity: string;
    /** 1-based line numbers, written as they are. */
    lines: readonly number[];
    codes: readonly string[];
    modifiers?: readonly string[];
    message: string;
    fix?: string;
    citations: readonly { title: string; locator: string }[];
  }[];
}

/** One row per finding (lines 1-based, lists space-separated), cells not yet escaped. */
export function csvRows(result: ReportableResult): string[][] {
  return result.findings.map((f) => [
    result.id,
    f.rule,
    f.severity,
    f.lines.join(' '),
    f.codes.join(' '),
    (f.modifiers ?? []).join(' '),
    f.message,
    f.fix ?? '',
    f.citations.map((c) => `${c.title} ${c.locator}`).join('; '),
  ]);
}

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
