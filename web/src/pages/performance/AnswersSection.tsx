import type { PerformanceReport } from '../../../../src/contracts/performance.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { formatCount, formatLatency, formatScore, formatShare } from './performance-format.ts';
import { TrendChart } from './TrendChart.tsx';
import { formatDay } from '../../i18n/format-date.ts';

/** Questions asked: the tiles and the answered/refused series. */
export function AnswersSection({ report }: { report: PerformanceReport }) {
  const { t, locale } = useLocale();
  const { answers, range } = report;
  const count = (n: number) => formatCount(n, locale);
  const of = (part: number, total: number) =>
    t('performance.kpi.ofTotal', { part: count(part), total: count(total) });
  return (
    <section className="perf-section" aria-labelledby="perf-answers">
      <h2 id="perf-answers">{t('performance.answers.heading')}</h2>
      <KpiTiles
        tiles={[
          {
            key: 'questions',
            label: t('performance.kpi.questions'),
            value: count(answers.totals.questions),
          },
          {
            key: 'answered',
            label: t('performance.kpi.shareAnswered'),
            value: formatShare(answers.totals.shareAnswered, locale),
            detail: of(answers.totals.answered, answers.totals.questions),
          },
          {
            key: 'refused',
            label: t('performance.kpi.shareRefused'),
            value: formatShare(answers.totals.shareRefused, locale),
            detail: of(answers.totals.refused, answers.totals.questions),
          },
          {
            key: 'feedback',
            label: t('performance.kpi.feedback'),
            value: formatScore(answers.feedback.score, locale),
            detail: t('performance.kpi.feedbackDetail', {
              up: count(answers.feedback.up),
              down: count(answers.feedback.down),
            }),
          },
          {
            key: 'p50',
            label: t('performance.kpi.latencyP50'),
            value: formatLatency(answers.latencyMs.p50, locale),
          },
          {
            key: 'p95',
            label: t('performance.kpi.latencyP95'),
            value: formatLatency(answers.latencyMs.p95, locale),
          },
        ]}
      />
      <TrendChart
        caption={t('performance.chart.questions', { granularity: range.granularity })}
        summary={t('performance.chart.questionsSummary', {
          answered: count(answers.totals.answered),
          refused: count(answers.totals.refused),
          from: formatDay(range.from, locale),
          to: formatDay(range.to, locale),
        })}
        periods={answers.periods.map((p) => p.period)}
        granularity={range.granularity}
        series={[
          {
            label: t('performance.series.answered'),
            values: answers.periods.map((p) => p.answered),
            colorVar: '--ok',
            fallbackColor: '#1a7f37',
          },
          {
            label: t('performance.series.refused'),
            values: answers.periods.map((p) => p.refused),
            colorVar: '--error',
            fallbackColor: '#b42318',
            dashed: true,
          },
        ]}
      />
    </section>
  );
}
