import type { LibraryContext } from '../library/library-context.ts';
import type { AnswerMeasures, ReportRange } from './performance-types.ts';
import { answerLatency, feedbackVotes, questionsByPeriod } from './event-measures.repository.ts';
import { periodStarts, share } from './report-range.ts';

/** Questions asked and refused per period, feedback on answers, and how long answers took. */
export async function answerMeasures(
  ctx: LibraryContext,
  range: ReportRange,
): Promise<AnswerMeasures> {
  const byPeriod = await questionsByPeriod(ctx, range);
  const latency = await answerLatency(ctx, range);
  const votes = await feedbackVotes(ctx, range);

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
