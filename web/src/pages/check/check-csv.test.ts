import { describe, expect, test } from 'vitest';
import type { ClaimResult as ServerResult } from '../../../../src/rules/claim-checker.ts';
import { reportWriter } from '../../../../src/check/check-report.ts';
import { checkCsv, csvColumns, safeFilePart } from './check-csv.ts';
import type { ClaimResult } from './check-types.ts';

const results: ClaimResult[] = [
  {
    id: 'SAMPLE-02',
    summary: { errors: 1, warnings: 0, infos: 1 },
    findings: [
      {
        rule: 'ptp',
        severity: 'error',
        lines: [2],
        codes: ['62264', '77003'],
        message: '77003 is not reported with 62264 on the same date, unless a modifier applies.',
        fix: 'Add 59 or XS and document why; otherwise remove it.',
        citations: [
          { documentId: 6, title: 'sample-ccipra.txt', version: 'v32.0', locator: 'line 25' },
        ],
      },
      {
        rule: 'ptp',
        severity: 'info',
        lines: [1, 2],
        codes: ['62264', '77003'],
        modifiers: ['XS'],
        message: 'Modifier XS bypasses the edit: "distinct service".',
        citations: [
          { documentId: 6, title: 'sample-ccipra.txt', version: 'v32.0', locator: 'line 25' },
          { documentId: 9, title: 'Guide', version: null, locator: 'page 2', quote: 'x' },
        ],
      },
    ],
  },
  { id: 'CLEAN', summary: { errors: 0, warnings: 0, infos: 0 }, findings: [] },
];

describe('the client-side CSV export', () => {
  test('is byte for byte the server report for the same results', () => {
    const server = reportWriter('csv');
    const expected =
      server.head() + results.map((r) => server.item(r as ServerResult)).join('') + server.tail();
    expect(checkCsv(results)).toBe(expected);
  });

  test('has the server columns, 1-based lines and space-separated lists', () => {
    const [header, first, second] = checkCsv(results).split('\n');
    expect(header).toBe(csvColumns.join(','));
    expect(first).toBe(
      'SAMPLE-02,ptp,error,2,62264 77003,,"77003 is not reported with 62264 on the same date, unless a modifier applies.",Add 59 or XS and document why; otherwise remove it.,sample-ccipra.txt line 25',
    );
    expect(second).toContain(
      ',1 2,62264 77003,XS,"Modifier XS bypasses the edit: ""distinct service"".",',
    );
    expect(second).toContain('sample-ccipra.txt line 25; Guide page 2');
  });

  test('defuses cells a spreadsheet would run as formulas', () => {
    const hostile: ClaimResult[] = [
      {
        id: '=HYPERLINK("http://evil.example","click")',
        summary: { errors: 1, warnings: 0, infos: 0 },
        findings: [
          {
            rule: 'code-validity',
            severity: 'error',
            lines: [1],
            codes: ['+1'],
            message: '@SUM(A1:A2)',
            fix: '-2+3',
            citations: [],
          },
        ],
      },
    ];
    const row = checkCsv(hostile).split('\n')[1]!;
    expect(row.startsWith(`"'=HYPERLINK(""http://evil.example"",""click"")"`)).toBe(true);
    expect(row).toContain(",'+1,");
    expect(row).toContain(",'@SUM(A1:A2),'-2+3,");
    expect(row).not.toMatch(/(^|,)[=+\-@]/);
  });

  test('file names keep only safe characters', () => {
    expect(safeFilePart('CLAIM 1/../x')).toBe('CLAIM-1-..-x');
    expect(safeFilePart('')).toBe('claim');
  });
});
