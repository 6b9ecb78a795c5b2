import { useId, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { periodTick, type Granularity } from './performance-format.ts';
import type { TrendSeries } from './trend-series.ts';
import { TrendTable } from './TrendTable.tsx';
import { HEIGHT, useTrendChart } from './use-trend-chart.ts';

/**
 * A time series with everything a reader without the picture needs: a caption, a summary as
 * the chart's label, a legend in words, and the data as a table, visually hidden until "Show as
 * table" is pressed (and shown outright when no chart can be drawn). uPlot loads on first use.
 */
export function TrendChart({
  caption,
  summary,
  periods,
  granularity,
  series,
}: {
  caption: string;
  summary: string;
  periods: string[];
  granularity: Granularity;
  series: TrendSeries[];
}) {
  const { t, locale, dir } = useLocale();
  const id = useId();
  const plot = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const ticks = periods.map((p) => periodTick(p, granularity, locale));
  const state = useTrendChart(plot, ticks, series, locale, dir);

  const tableShown = asTable || state === 'unavailable';
  const tableId = `${id}-table`;
  return (
    <figure className="perf-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="perf-chart-caption">
        {caption}
      </figcaption>
      <TrendLegend series={series} />
      {/* The canvas is drawn left to right; an RTL chart turns its time axis around instead. */}
      <div
        ref={plot}
        className="perf-chart-plot"
        role="img"
        aria-label={summary}
        dir="ltr"
        data-state={state}
        hidden={tableShown}
        style={{ minBlockSize: HEIGHT }}
      />
      {state === 'unavailable' ? (
        <p className="muted perf-chart-note">{t('performance.chart.unavailable')}</p>
      ) : (
        <button
          type="button"
          className="secondary small no-print"
          aria-pressed={asTable}
          aria-controls={tableId}
          onClick={() => setAsTable((shown) => !shown)}
        >
          {t('performance.chart.showTable')}
        </button>
      )}
      <div
        id={tableId}
        className={tableShown ? 'table-scroll perf-chart-table' : 'visually-hidden'}
        {...(tableShown
          ? { role: 'region', 'aria-labelledby': `${id}-table-caption`, tabIndex: 0 }
          : {})}
      >
        <TrendTable
          id={id}
          caption={caption}
          periods={periods}
          granularity={granularity}
          series={series}
        />
      </div>
    </figure>
  );
}

/** The series in words, each with its line's colour and dash. */
function TrendLegend({ series }: { series: TrendSeries[] }) {
  return (
    <ul className="perf-legend">
      {series.map((s) => (
        <li key={s.label}>
          <span
            className={`perf-swatch${s.dashed ? ' perf-swatch-dashed' : ''}`}
            style={{ borderColor: `var(${s.colorVar}, ${s.fallbackColor})` }}
            aria-hidden="true"
          />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
