/** One line of a trend chart. */
export interface TrendSeries {
  label: string;
  values: number[];
  /** A CSS colour custom property of the app (`--ok`), read when the chart is drawn. */
  colorVar: string;
  fallbackColor: string;
  /** Dashed line: the series tell apart without colour too. */
  dashed?: boolean;
}
