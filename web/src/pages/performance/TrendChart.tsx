import { useEffect, useId, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { formatCount, formatPeriod, periodTick, type Granularity } from './performance-format.ts';
import type { DrawnChart, drawChart } from './uplot-chart.ts';

export interface TrendSeries {
  label: string;
  values: number[];
  /** A CSS colour custom property of the app (`--ok`), read when the chart is drawn. */
  colorVar: string;
  fallbackColor: string;
  /** Dashed line: the series tell apart without colour too. */
  dashed?: boolean;
}

type ChartState = 'loading' | 'drawn' | 'unavailable';

const HEIGHT = 240;

/** uPlot's module, loaded once for every chart on the page (a failed load is tried again). */
let chartModule: Promise<{ drawChart: typeof drawChart }> | undefined;
function loadChartModule() {
  chartModule ??= import('./uplot-chart.ts').catch((failure: unknown) => {
    chartModule = undefined;
    throw failure;
  });
  return chartModule;
}

/** Whether this browser can draw a chart (a canvas and ResizeObserver); a test DOM cannot. */
function canDrawCharts(): boolean {
  if (typeof ResizeObserver !== 'function') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

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
  const [state, setState] = useState<ChartState>('loading');
  const [asTable, setAsTable] = useState(false);
  const ticks = periods.map((p) => periodTick(p, granularity, locale));
  // Redrawn when what it shows changes (data, language, direction), not on every render.
  const drawKey = JSON.stringify([ticks, series.map((s) => [s.label, s.values]), locale, dir]);

  useEffect(() => {
    const container = plot.current;
    if (!container || !canDrawCharts()) {
      setState('unavailable');
      return;
    }
    let cancelled = false;
    let chart: DrawnChart | undefined;
    const style = getComputedStyle(container);
    const color = (name: string, fallback: string) =>
      style.getPropertyValue(name).trim() || fallback;
    loadChartModule()
      .then(({ drawChart }) => {
        if (cancelled) return;
        container.replaceChildren();
        chart = drawChart(container, {
          ticks,
          series: series.map((s) => ({
            label: s.label,
            values: s.values,
            color: color(s.colorVar, s.fallbackColor),
            ...(s.dashed ? { dash: [6, 4] } : {}),
          })),
          formatNumber: (value) => formatCount(value, locale),
          rtl: dir === 'rtl',
          height: HEIGHT,
          font: `12px ${style.fontFamily || 'sans-serif'}`,
          axisColor: color('--muted', '#57606a'),
          gridColor: color('--line', '#d0d7de'),
        });
        setState('drawn');
      })
      .catch(() => {
        if (!cancelled) setState('unavailable');
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // drawKey stands for ticks, series, locale and dir.
  }, [drawKey]);

  const tableShown = asTable || state === 'unavailable';
  const tableId = `${id}-table`;
  return (
    <figure className="perf-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="perf-chart-caption">
        {caption}
      </figcaption>
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
      </div>
    </figure>
  );
}
