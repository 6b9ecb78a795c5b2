import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askQuestion } from '../ask/ask.service.ts';
import { recordFeedback } from '../ask/thread.repository.ts';
import type { Answer } from '../ask/ask-types.ts';
import { readClaims } from '../claims/claim-input.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { type LibraryContext } from '../library/library-context.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { checkAllClaims } from '../check/check-claims.ts';
import { staleDatasets } from './freshness.ts';
import type { PerformanceReport } from './performance-types.ts';
import { performanceReport } from './performance.service.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

const sampleClaims = new URL('../../samples/claims/sample-claims.json', import.meta.url);

/** Sixteen questions the starter library answers and four it does not. */
const questions = [
  'Racz procedure',
  'can I bill 62264 and 62263 together?',
  '62264 with 77003?',
  '62264 with 77003-XS?',
  'how many units of 62323?',
  'is M54.16 covered for 62323?',
  'is M54.5 covered for 62323?',
  'what must the note show for 62264?',
  'can I use 50 with 64483?',
  '62264',
  'what does modifier XS mean?',
  '¿Puedo facturar 62264 con 77003?',
  '64483',
  '62263',
  'how many units of 62264?',
  'can I bill 62263 with 62264?',
  'what is the capital of France?',
  'What is the Whipple procedure?',
  'what is 99999?',
  'how many units of 99999?',
];

/** Issue 7 acceptance: the measures match what was asked and checked. */
describe.each(testDatabaseKinds())('performanceReport (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let answers: Answer[];
  let results: ClaimResult[];
  let report: PerformanceReport;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind, { starter: true }));
    answers = [];
    for (const question of questions)
      answers.push((await askQuestion(ctx, { question, dos: '2026-03-02' })).answer);
    await recordFeedback(ctx, answers[0]!.id!, 'up', 'just what I needed');
    await recordFeedback(ctx, answers[1]!.id!, 'down', null);
    const claims = readClaims(await readFile(sampleClaims), 'sample-claims.json');
    results = await checkAllClaims(ctx, claims, 'en');
    await ctx.events.flush();
    report = await performanceReport(ctx);
  }, 180_000);
  afterAll(async () => opened.close());

  test('answers: 20 questions, the refused ones counted, feedback scored, latency measured', () => {
    const refused = answers.filter((a) => a.kind === 'not-found').length;
    expect(refused).toBe(4);
    expect(report.answers.totals).toEqual({
      questions: 20,
      answered: 16,
      refused: 4,
      shareAnswered: 0.8,
      shareRefused: 0.2,
    });
    // Thirty days, zero-filled; the counts are summed so a run across midnight still passes.
    expect(report.answers.periods).toHaveLength(30);
    expect(sum(report.answers.periods.map((p) => p.questions))).toBe(20);
    expect(sum(report.answers.periods.map((p) => p.refused))).toBe(4);
    expect(report.answers.feedback).toEqual({ up: 1, down: 1, score: 0 });
    const { p50, p95 } = report.answers.latencyMs;
    expect(p50).not.toBeNull();
    expect(p95!).toBeGreaterThanOrEqual(p50!);
  });

  test('checks: the claims, those with errors, findings by rule, and 62264|77003 among the top pairs', () => {
    const withErrors = results.filter((r) => r.summary.errors > 0).length;
    expect(report.checks.totals).toMatchObject({
      claims: results.length,
      claimsWithErrors: withErrors,
      denialsPrevented: withErrors,
    });
    expect(report.checks.totals.claims).toBe(11);
    const checked = report.checks.periods.filter((p) => p.claims > 0);
    expect(checked).toEqual([
      { period: expect.any(String) as unknown, claims: 11, claimsWithErrors: withErrors },
    ]);
    const ptp = results.flatMap((r) => r.findings).filter((f) => f.rule === 'ptp').length;
    expect(report.checks.findingsByRule.ptp).toBe(ptp);
    expect(report.checks.topPairs).toContainEqual({
      pair: '62264|77003',
      column1: '62264',
      column2: '77003',
      count: 2,
    });
    expect(report.checks.topCodes.length).toBeLessThanOrEqual(10);
    expect(report.checks.topCodes.map((c) => c.code)).toContain('62264');
    for (const { code } of report.checks.topCodes) expect(code).toMatch(/^[0-9A-V]\d{3}[0-9A-Z]$/);
  });

  test('library: one gap row per refused question, keyed by its codes or words; codes asked about without coverage', () => {
    const gaps = report.library.gaps;
    // Four refusals, four counted: two for 99999, one each for the two questions without codes.
    expect(sum(gaps.map((g) => g.count))).toBe(4);
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toMatchObject({
      key: '99999',
      kind: 'code',
      count: 2,
      example: 'how many units of 99999?',
    });
    expect(gaps).toContainEqual(
      expect.objectContaining({
        key: 'capital france',
        kind: 'term',
        count: 1,
        example: 'what is the capital of France?',
      }),
    );
    expect(gaps.filter((g) => g.key.includes('whipple'))).toHaveLength(1);
    expect(gaps.map((g) => g.key)).not.toContain('62264');
    expect(report.library.coverage).toContainEqual({
      code: '99999',
      asked: 2,
      missing: ['descriptor', 'edits', 'guidance'],
    });
    expect(report.library.coverage.map((c) => c.code)).not.toContain('62264');
  });

  test('freshness: the NCCI samples are stale once their quarter has passed', async () => {
    expect(await staleDatasets(ctx, '2026-03-31')).toEqual([]);
    const stale = await staleDatasets(ctx, '2026-04-01');
    expect(stale.map((s) => [s.kind, s.effectiveFrom, s.reason])).toEqual([
      ['ncci-ptp', '2026-01-01', 'older-than-current-quarter'],
      ['ncci-mue', '2026-01-01', 'older-than-current-quarter'],
    ]);
  });

  test('weeks and months group the same counts; another org sees none of them', async () => {
    for (const granularity of ['week', 'month'] as const) {
      const grouped = await performanceReport(ctx, { granularity });
      expect(grouped.answers.totals.questions).toBe(20);
      expect(grouped.checks.totals.claims).toBe(11);
      expect(grouped.answers.periods.length).toBeLessThan(report.answers.periods.length);
    }
    const other = await performanceReport({ ...ctx, orgId: 'another-org' });
    expect(other.answers.totals.questions).toBe(0);
    expect(other.checks.totals.claims).toBe(0);
    expect(other.library.gaps).toEqual([]);
  });
});

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
