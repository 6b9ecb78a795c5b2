import type { LibraryContext } from '../library/library-context.ts';
import type { PerformanceReport } from '../performance/performance-types.ts';
import { performanceReport } from '../performance/performance.service.ts';
import { printJson, printLine } from './output.ts';

const TOP_LINES = 10;

/** `codecard performance`: the dashboard's measures as a text report or as JSON. */
export async function runPerformance(
  ctx: LibraryContext,
  flags: { from?: string; to?: string; granularity?: string; json: boolean },
): Promise<number> {
  const report = await performanceReport(ctx, flags);
  if (flags.json) printJson(report);
  else printReport(report);
  return 0;
}

function printReport({ range, answers, checks, library }: PerformanceReport): void {
  printLine(`Performance ${range.from} to ${range.to}, by ${range.granularity}`);
  printLine();
  printLine('ANSWERS');
  const a = answers.totals;
  printLine(
    `  ${a.questions} questions · ${a.answered} answered${percent(a.shareAnswered)} · ${a.refused} refused${percent(a.shareRefused)}`,
  );
  const f = answers.feedback;
  printLine(
    `  Feedback: ${f.up} up, ${f.down} down${f.score === null ? '' : ` (score ${f.score.toFixed(2)})`}`,
  );
  if (answers.latencyMs.p50 !== null)
    printLine(`  Latency: p50 ${answers.latencyMs.p50} ms, p95 ${answers.latencyMs.p95} ms`);
  table(
    ['period', 'questions', 'answered', 'refused'],
    answers.periods
      .filter((p) => p.questions > 0)
      .map((p) => [p.period, p.questions, p.answered, p.refused]),
  );

  printLine();
  printLine('CHECKS');
  const c = checks.totals;
  printLine(
    `  ${c.claims} claims (${c.lines} lines) · ${c.claimsWithErrors} with errors${percent(c.shareWithErrors)} · ${c.denialsPrevented} denials prevented (estimate)`,
  );
  const rules = Object.entries(checks.findingsByRule).sort((x, y) => y[1] - x[1]);
  if (rules.length > 0)
    printLine(`  Findings by rule: ${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  if (checks.topPairs.length > 0)
    printLine(`  Top edit pairs: ${checks.topPairs.map((p) => `${p.pair} ${p.count}`).join(', ')}`);
  if (checks.topCodes.length > 0)
    printLine(`  Top codes: ${checks.topCodes.map((p) => `${p.code} ${p.count}`).join(', ')}`);
  table(
    ['period', 'claims', 'with errors'],
    checks.periods.filter((p) => p.claims > 0).map((p) => [p.period, p.claims, p.claimsWithErrors]),
  );

  printLine();
  printLine('LIBRARY');
  printLine(`  Gaps (refused questions):${none(library.gaps)}`);
  for (const gap of library.gaps.slice(0, TOP_LINES))
    printLine(
      `    ${gap.count}× ${gap.kind} ${gap.key}, last ${gap.lastSeen.slice(0, 10)}: "${oneLine(gap.example)}"`,
    );
  more(library.gaps.length);
  printLine(`  Out of date:${none(library.freshness)}`);
  for (const stale of library.freshness)
    printLine(
      `    #${stale.documentId} ${stale.title} (${stale.kind}, effective ${stale.effectiveFrom ?? '?'}${stale.effectiveTo ? ` to ${stale.effectiveTo}` : ''}): ${
        stale.reason === 'older-than-current-quarter'
          ? 'older than the current NCCI quarter'
          : stale.reason === 'older-than-current-release'
            ? `a ${stale.releasePeriod ?? '?'} release, older than the current ${stale.currentPeriod ?? '?'}`
            : 'its effective period has ended'
      }`,
    );
  printLine(`  Codes asked about without full coverage:${none(library.coverage)}`);
  for (const code of library.coverage.slice(0, TOP_LINES))
    printLine(`    ${code.code} (asked ${code.asked}): no ${code.missing.join(', no ')}`);
  more(library.coverage.length);
}

function table(header: string[], rows: (string | number)[][]): void {
  if (rows.length === 0) return;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    `  ${cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join('  ')}`;
  printLine(line(header));
  for (const row of rows) printLine(line(row));
}

function none(list: readonly unknown[]): string {
  return list.length === 0 ? ' none' : '';
}

function percent(value: number | null): string {
  return value === null ? '' : ` (${Math.round(value * 100)}%)`;
}

function more(total: number): void {
  if (total > TOP_LINES) printLine(`    … ${total - TOP_LINES} more (--json lists them all)`);
}

/** Questions are user text: one line, no terminal control characters. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
