import { describe, expect, test } from 'vitest';
import { checkCsv, csvColumns, safeFilePart } from './check-csv.ts';
import { sampleResults } from './sample-results.ts';
import type { ClaimResult } from '../../../../src/contracts/checks.ts';

describe('the client-side CSV export', () => {
  test('has the server columns, 1-based lines and space-separated lists', () => {
    const [header, first, second] = checkCsv(sampleResults).split('\n');
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
