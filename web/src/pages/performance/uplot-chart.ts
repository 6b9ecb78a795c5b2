import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A line chart of counts per period, drawn with uPlot. This module (and uPlot, ~50 KB) loads
 * only when the Performance page shows a chart; TrendChart owns the accessible parts (caption,
 * summary, data table, legend) and this only draws.
 */
export interface ChartSpec {
  /** Axis labels of the periods, in time order. */
  ticks: string[];
  series: { label: string; values: number[]; color: string; dash?: number[] }[];
  /** Formats a count on the value axis in the reader's language. */
  formatNumber: (value: number) => string;
  /** Right to left: time runs from the right, the value axis stands on the right. */
  rtl: boolean;
  height: number;
  font: string;
  axisColor: string;
  gridColor: string;
}

export interface DrawnChart {
  destroy: () => void;
}

const countIncrements = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];
const periodIncrements = [1, 2, 3, 4, 5, 6, 7, 10, 14, 15, 20, 30, 50, 100, 200, 500];

/** Draws into `container` and follows its width (ResizeObserver) until destroyed. */
export function drawChart(container: HTMLElement, spec: ChartSpec): DrawnChart {
  const count = spec.ticks.length;
  const xs = spec.ticks.map((_, i) => i);
  const longest = spec.ticks.reduce((max, tick) => Math.max(max, tick.length), 1);
  const axis = {
    font: spec.font,
    stroke: spec.axisColor,
    grid: { stroke: spec.gridColor, width: 1 },
    ticks: { stroke: spec.gridColor, width: 1, size: 4 },
  };
  const options: uPlot.Options = {
    width: Math.max(container.clientWidth, 1),
    height: spec.height,
    // TrendChart shows the legend and the values (as a table) in the page itself.
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: {
        time: false,
        dir: spec.rtl ? -1 : 1,
        range: () => [-0.5, Math.max(count - 0.5, 0.5)],
      },
      y: {
        range: (_chart, _min, max) => [0, Math.max(niceCeiling(max), 1)],
      },
    },
    axes: [
      {
        ...axis,
        side: 2,
        grid: { show: false },
        // Room for the longest label; only whole periods get one.
        space: Math.min(longest * 7 + 16, 120),
        incrs: periodIncrements,
        values: (_chart, splits) =>
          splits.map((i) => (Number.isInteger(i) ? (spec.ticks[i] ?? '') : '')),
      },
      {
        ...axis,
        side: spec.rtl ? 1 : 3,
        space: 30,
        incrs: countIncrements,
        values: (_chart, splits) => splits.map((v) => spec.formatNumber(v)),
      },
    ],
    series: [
      {},
      ...spec.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        ...(s.dash ? { dash: s.dash } : {}),
        points: { show: count <= 62, size: 6, fill: s.color, stroke: s.color },
      })),
    ],
  };
  const chart = new uPlot(options, [xs, ...spec.series.map((s) => s.values)], container);
  const observer = new ResizeObserver(() => {
    const width = container.clientWidth;
    if (width > 0 && width !== chart.width) chart.setSize({ width, height: spec.height });
  });
  observer.observe(container);
  return {
    destroy() {
      observer.disconnect();
      chart.destroy();
    },
  };
}

/** The next 1, 2 or 5 × 10ⁿ at or above a value, so the top gridline sits above the data. */
function niceCeiling(value: number | null): number {
  if (value === null || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
