import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import type { AnswerMeasures, ReportRange } from './performance-types.ts';
import { eventsIn, periodOf, periodStarts, share } from './report-range.ts';

/** Questions asked and refused per period, feedback on answers, and how long answers took. */
export async function answerMeasures(
  ctx: LibraryContext,
  range: ReportRange,
): Promise<AnswerMeasures> {
  const { rows: byPeriod } = await sql<{ period: string; questions: number; answered: number }>`
    with q as (
      select ${periodOf('at', range.granularity)} as period, data from events
      where ${eventsIn(ctx, 'question', range)}
    )
    select period, count(*) as questions,
      count(*) filter (where (data ->> 'answered')::boolean) as answered
    from q group by period`.execute(ctx.db);
  const { rows: latency } = await sql<{ p50: number | null; p95: number | null }>`
    select
      percentile_cont(0.5) within group (order by (data ->> 'latencyMs')::float8) as p50,
      percentile_cont(0.95) within group (order by (data ->> 'latencyMs')::float8) as p95
    from events where ${eventsIn(ctx, 'question', range)}`.execute(ctx.db);
  const { rows: votes } = await sql<{ up: number; down: number }>`
    select count(*) filter (where data ->> 'vote' = 'up') as up,
      count(*) filter (where data ->> 'vote' = 'down') as down
    from events where ${eventsIn(ctx, 'feedback', range)}`.execute(ctx.db);

  const counts = new Map(byPeriod.map((row) => [row.period, row]));
  const periods = periodStarts(range).map((period) => {
    const row = counts.get(period);
    const questions = Number(row?.questions ?? 0);
    const answered = Number(row?.answered ?? 0);
    return { period, questions, answered, refused: questions - answered };
  });
  const questions = sum(periods.map((p) => p.questions));
  const answered = sum(periods.map((p) => p.answered));
  const up = Number(votes[0]?.up ?? 0);
  const down = Number(votes[0]?.down ?? 0);
  return {
    periods,
    totals: {
      questions,
      answered,
      refused: questions - answered,
      shareAnswered: share(answered, questions),
      shareRefused: share(questions - answered, questions),
    },
    feedback: { up, down, score: up + down === 0 ? null : (up - down) / (up + down) },
    latencyMs: { p50: tenths(latency[0]?.p50), p95: tenths(latency[0]?.p95) },
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function tenths(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
}
