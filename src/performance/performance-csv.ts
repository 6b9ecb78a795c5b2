import { csvCell } from '../domain/csv-cell.ts';
import type { PerformanceReport } from './performance-types.ts';

/**
 * The report's series and lists as one CSV for a spreadsheet: blocks of a title row, a header
 * row and the data, separated by an empty row. Every cell goes through csvCell, since gap
 * examples are questions people typed (a "=HYPERLINK(…)" must stay text).
 */
export function performanceCsv(report: PerformanceReport): string {
  const { answers, checks, library } = report;
  const checkPeriods = new Map(checks.periods.map((p) => [p.period, p]));
  const blocks: (string | number)[][][] = [
    [
      [`Per ${report.range.granularity}, ${report.range.from} to ${report.range.to}`],
      ['period', 'questions', 'answered', 'refused', 'claims', 'claimsWithErrors'],
      ...answers.periods.map((p) => [
        p.period,
        p.questions,
        p.answered,
        p.refused,
        checkPeriods.get(p.period)?.claims ?? 0,
        checkPeriods.get(p.period)?.claimsWithErrors ?? 0,
      ]),
    ],
    [
      ['Findings by rule'],
      ['rule', 'count'],
      ...Object.entries(checks.findingsByRule).map(([rule, count]) => [rule, count]),
    ],
    [
      ['Top edit pairs'],
      ['column1', 'column2', 'count'],
      ...checks.topPairs.map((p) => [p.column1, p.column2, p.count]),
    ],
    [['Top codes'], ['code', 'count'], ...checks.topCodes.map((c) => [c.code, c.count])],
    [
      ['Library gaps'],
      ['key', 'kind', 'count', 'lastSeen', 'example'],
      ...library.gaps.map((g) => [g.key, g.kind, g.count, g.lastSeen, g.example]),
    ],
    [
      ['Codes asked about without full coverage'],
      ['code', 'asked', 'missing'],
      ...library.coverage.map((c) => [c.code, c.asked, c.missing.join(' ')]),
    ],
  ];
  return blocks
    .map((rows) => rows.map((row) => `${row.map(csvCell).join(',')}\n`).join(''))
    .join('\n');
}
