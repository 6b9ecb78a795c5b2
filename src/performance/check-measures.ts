import type { LibraryContext } from '../library/library-context.ts';
import type { CheckMeasures, ReportRange } from './performance-types.ts';
import { checkCounts, checksByPeriod, type CheckCountField } from './event-measures.repository.ts';
import { periodStarts, share } from './report-range.ts';

const TOP = 10;

/** Claims checked per period, the findings by rule, and the edit pairs and codes hit most. */
export async function checkMeasures(
  ctx: LibraryContext,
  range: ReportRange,
): Promise<CheckMeasures> {
  const byPeriod = await checksByPeriod(ctx, range);
  const counts = new Map(byPeriod.map((row) => [row.period, row]));
  const periods = periodStarts(range).map((period) => ({
    period,
    claims: Number(counts.get(period)?.claims ?? 0),
    claimsWithErrors: Number(counts.get(period)?.claimsWithErrors ?? 0),
  }));
  const claims = periods.reduce((n, p) => n + p.claims, 0);
  const claimsWithErrors = periods.reduce((n, p) => n + p.claimsWithErrors, 0);
  const lines = byPeriod.reduce((n, row) => n + Number(row.lines), 0);

  const rules = await countsOf(ctx, range, 'findingsByRule', null);
  const pairs = await countsOf(ctx, range, 'pairs', TOP);
  const codes = await countsOf(ctx, range, 'codes', TOP);
  return {
    periods,
    totals: {
      claims,
      lines,
      claimsWithErrors,
      shareWithErrors: share(claimsWithErrors, claims),
      // Every claim with an error finding was caught before it went to the payer, where the
      // same edit would have denied it; a claim counts once however many errors it had. An
      // estimate: a coder may have fixed some of them without Codecard.
      denialsPrevented: claimsWithErrors,
    },
    findingsByRule: Object.fromEntries(rules.map((r) => [r.key, r.count])),
    topPairs: pairs.map(({ key, count }) => {
      const [column1 = '', column2 = ''] = key.split('|');
      return { pair: key, column1, column2, count };
    }),
    topCodes: codes.map(({ key, count }) => ({ code: key, count })),
  };
}

/** Sums one of the check events' count maps over the range, most frequent first. */
async function countsOf(
  ctx: LibraryContext,
  range: ReportRange,
  field: CheckCountField,
  limit: number | null,
): Promise<{ key: string; count: number }[]> {
  const rows = await checkCounts(ctx, range, field, limit);
  return rows.map((row) => ({ key: row.key, count: Number(row.count) }));
}
