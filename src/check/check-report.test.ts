import { describe, expect, test } from 'vitest';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { reportWriter, type ReportFormat } from './check-report.ts';
import { csvColumns } from '../domain/check-report-csv.ts';

const results: ClaimResult[] = [
  {
    id: '=HYPERLINK("http://example.test","x")',
    findings: [
      {
        rule: 'ptp',
        severity: 'error',
        lines: [2],
        codes: ['11111', '22222'],
        modifiers: ['59'],
        message: 'SAMPLE message, with a comma',
        citations: [{ documentId: 1, title: 'sample.txt', version: 'v1', locator: 'line 9' }],
      },
    ],
    summary: { errors: 1, warnings: 0, infos: 0 },
  },
  { id: 'B', findings: [], summary: { errors: 0, warnings: 0, infos: 0 } },
];

function written(format: ReportFormat, items: ClaimResult[]): string {
  const writer = reportWriter(format);
  return writer.head() + items.map((r) => writer.item(r)).join('') + writer.tail();
}

describe('report writers', () => {
  test('JSON written claim by claim is what JSON.stringify gives for the whole report', () => {
    expect(written('json', results)).toBe(`${JSON.stringify({ claims: results }, null, 2)}\n`);
    expect(JSON.parse(written('json', []))).toEqual({ claims: [] });
  });

  test('NDJSON is one result per line', () => {
    expect(
      written('ndjson', results)
        .split('\n')
        .slice(0, -1)
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(results);
  });

  test('CSV has one row per finding, formula cells defused', () => {
    expect(written('csv', results)).toBe(
      `${csvColumns.join(',')}\n` +
        `"'=HYPERLINK(""http://example.test"",""x"")",ptp,error,2,11111 22222,59,"SAMPLE message, with a comma",,sample.txt line 9\n`,
    );
  });
});
