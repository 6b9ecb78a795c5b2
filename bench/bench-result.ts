import { pathToFileURL } from 'node:url';
/** What one benchmark reports: measured numbers and pass/fail checks against targets. */
export interface BenchMetric {
  label: string;
  value: number | string;
  unit?: string;
}

export interface BenchCheck {
  label: string;
  actual: number;
  target: number;
  unit: string;
  pass: boolean;
}

export interface BenchResult {
  name: string;
  metrics: BenchMetric[];
  checks: BenchCheck[];
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult>;
}

/** A check that passes when the measured value is at most the target. */
export function atMost(label: string, actual: number, target: number, unit: string): BenchCheck {
  return { label, actual, target, unit, pass: actual <= target };
}

export function printResult(result: BenchResult): void {
  const lines = [`== ${result.name}`];
  for (const m of result.metrics)
    lines.push(`  ${m.label}: ${formatValue(m.value)}${m.unit ? ` ${m.unit}` : ''}`);
  for (const c of result.checks) {
    lines.push(
      `  ${c.pass ? 'PASS' : 'FAIL'} ${c.label}: ${formatValue(c.actual)} ${c.unit} (target <= ${formatValue(c.target)} ${c.unit})`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 });
}

export const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
export const seconds = (ms: number) => Math.round(ms / 10) / 100;

/** Runs and prints a benchmark when its file is the script node was started with. */
export async function runWhenMain(moduleUrl: string, bench: Bench): Promise<void> {
  if (moduleUrl === pathToFileURL(process.argv[1] ?? '').href) printResult(await bench.run());
}
