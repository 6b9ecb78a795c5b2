import type { PerformanceReport } from '../../../../src/contracts/performance.ts';
import { TopFindings } from './TopFindings.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { formatCount, formatShare } from './performance-format.ts';
import { TrendChart } from './TrendChart.tsx';
import { formatDay } from '../../i18n/format-date.ts';

/** Claims checked: the tiles, the checked/with-errors series and the top-10 lists. */
export function ChecksSection({ report }: { report: PerformanceReport }) {
  const { t, locale } = useLocale();
  const { checks, range } = report;
  const count = (n: number) => formatCount(n, locale);
  return (
    <section className="perf-section" aria-labelledby="perf-checks">
      <h2 id="perf-checks">{t('performance.checks.heading')}</h2>
      <KpiTiles
        tiles={[
          {
            key: 'claims',
            label: t('performance.kpi.claims'),
            value: count(checks.totals.claims),
            detail: t('performance.kpi.claimLines', { lines: count(checks.totals.lines) }),
          },
          {
            key: 'withErrors',
            label: t('performance.kpi.shareWithErrors'),
            value: formatShare(checks.totals.shareWithErrors, locale),
            detail: t('performance.kpi.ofTotal', {
              part: count(checks.totals.claimsWithErrors),
              total: count(checks.totals.claims),
            }),
          },
          {
            key: 'denials',
            label: t('performance.kpi.denials'),
            value: count(checks.totals.denialsPrevented),
            detail: t('performance.kpi.denialsDetail'),
          },
        ]}
      />
      <TrendChart
        caption={t('performance.chart.claims', { granularity: range.granularity })}
        summary={t('performance.chart.claimsSummary', {
          claims: count(checks.totals.claims),
          withErrors: count(checks.totals.claimsWithErrors),
          from: formatDay(range.from, locale),
          to: formatDay(range.to, locale),
        })}
        periods={checks.periods.map((p) => p.period)}
        granularity={range.granularity}
        series={[
          {
            label: t('performance.series.claims'),
            values: checks.periods.map((p) => p.claims),
            colorVar: '--accent',
            fallbackColor: '#0a58ca',
          },
          {
            label: t('performance.series.withErrors'),
            values: checks.periods.map((p) => p.claimsWithErrors),
            colorVar: '--error',
            fallbackColor: '#b42318',
            dashed: true,
          },
        ]}
      />
      <TopFindings checks={checks} />
    </section>
  );
}
