import { useEffect, useState, type RefObject } from 'react';
import { formatCount } from './performance-format.ts';
import type { TrendSeries } from './trend-series.ts';
import type { DrawnChart, drawChart } from './uplot-chart.ts';

export type ChartState = 'loading' | 'drawn' | 'unavailable';

export const HEIGHT = 240;

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
 * Draws the series into `plot` with uPlot (loaded on first use): 'drawn', or 'unavailable'
 * when this browser cannot draw or the module fails to load. Redrawn when what it shows changes
 * (data, language, direction), not on every render.
 */
export function useTrendChart(
  plot: RefObject<HTMLDivElement | null>,
  ticks: string[],
  series: TrendSeries[],
  locale: string,
  dir: 'ltr' | 'rtl',
): ChartState {
  const [state, setState] = useState<ChartState>('loading');
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
  return state;
}
