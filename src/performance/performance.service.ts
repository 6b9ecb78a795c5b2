import type { LibraryContext } from '../library/library-context.ts';
import { today as currentDay } from '../library/option-values.ts';
import { answerMeasures } from './answer-measures.ts';
import { checkMeasures } from './check-measures.ts';
import { coverageMeasures } from './coverage-measures.ts';
import { staleDatasets } from './freshness.ts';
import { gapMeasures } from './gap-measures.ts';
import type { PerformanceReport } from './performance-types.ts';
import { resolveRange, type RangeQuery } from './report-range.ts';

/**
 * The Performance dashboard for one org over a range of days: answers, checks and what the
 * library lacks. `today` (UTC, ISO) sets the default range and the freshness of datasets.
 */
export async function performanceReport(
  ctx: LibraryContext,
  query: RangeQuery = {},
  options: { today?: string } = {},
): Promise<PerformanceReport> {
  const today = options.today ?? currentDay();
  const range = resolveRange(query, today);
  // Events wait up to a second in memory; a report asked for right after a check counts it.
  await ctx.events.flush();
  // One query after another: the embedded database serves one at a time anyway.
  const answers = await answerMeasures(ctx, range);
  const checks = await checkMeasures(ctx, range);
  const gaps = await gapMeasures(ctx, range);
  const freshness = await staleDatasets(ctx, today);
  const coverage = await coverageMeasures(ctx, range);
  return { range, answers, checks, library: { gaps, freshness, coverage } };
}
