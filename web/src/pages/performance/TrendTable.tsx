import { useLocale } from '../../i18n/locale-context.tsx';
import { formatCount, formatPeriod, type Granularity } from './performance-format.ts';
import type { TrendSeries } from './trend-series.ts';

/** A chart's data as a table: one row per period, one column per series. */
export function TrendTable({
  id,
  caption,
  periods,
  granularity,
  series,
}: {
  id: string;
  caption: string;
  periods: string[];
  granularity: Granularity;
  series: TrendSeries[];
}) {
  const { t, locale } = useLocale();
  return (
    <table className="perf-table">
      <caption id={`${id}-table-caption`}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('performance.chart.period')}</th>
          {series.map((s) => (
            <th scope="col" key={s.label}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {periods.map((period, i) => (
          <tr key={period}>
            <th scope="row">{formatPeriod(period, granularity, locale, t)}</th>
            {series.map((s) => (
              <td key={s.label} className="perf-number">
                {formatCount(s.values[i] ?? 0, locale)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
