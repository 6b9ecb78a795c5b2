import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatValue, printResult, type Bench, type BenchResult } from './bench-result.ts';
import { importIcd10cmBench } from './import-icd10cm.bench.ts';
import { importPhasesBench } from './import-phases.ts';
import { importResponsivenessBench } from './import-responsiveness.ts';
import { importPtpBench } from './import-ptp.bench.ts';
import { lookupSearchBench } from './lookup-search.bench.ts';
import { askBench } from './ask.bench.ts';
import { batchCheckBench } from './batch-check.bench.ts';
import { cardBench } from './card.bench.ts';
import { checkBench } from './check.bench.ts';
import { webBench } from './web.bench.ts';

/**
 * `npm run bench [-- NAME...]`: runs the benchmarks in sequence (all by default, else those
 * whose name contains one of the arguments), prints a summary, and writes bench/out/report.json.
 * The `phases`, `batch-check` and `responsiveness` diagnostics run only when named.
 */
const benches: Bench[] = [
  importPtpBench,
  importIcd10cmBench,
  lookupSearchBench,
  cardBench,
  askBench,
  checkBench,
  webBench,
];
const diagnostics: Bench[] = [importPhasesBench, batchCheckBench, importResponsivenessBench];

const filters = process.argv.slice(2).filter((arg) => arg !== '--');
const selected =
  filters.length === 0
    ? benches
    : [...benches, ...diagnostics].filter((b) => filters.some((f) => b.name.includes(f)));
if (selected.length === 0) {
  const names = [...benches, ...diagnostics].map((b) => b.name).join(', ');
  process.stderr.write(`no benchmark matches ${filters.join(' ')}; known: ${names}\n`);
  process.exit(2);
}

const machine = {
  node: process.version,
  cpus: cpus().length,
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
};
process.stdout.write(
  `node ${machine.node}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, load average ${machine.loadAverageAtStart.join(' ')}\n`,
);

const results: (BenchResult & { seconds: number; loadAverage: number[]; error?: string })[] = [];
for (const bench of selected) {
  const started = performance.now();
  // Other work on the machine slows every number here; the load average says how much.
  const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
  process.stdout.write(`\n(load average before ${bench.name}: ${loadAverage.join(' ')})\n`);
  try {
    const result = await bench.run();
    printResult(result);
    results.push({
      ...result,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      loadAverage,
    });
  } catch (error) {
    process.stdout.write(`== ${bench.name}\n  ERROR ${String(error)}\n`);
    results.push({
      name: bench.name,
      metrics: [],
      checks: [],
      seconds: Math.round((performance.now() - started) / 100) / 10,
      loadAverage,
      error: String(error),
    });
  }
}

const rows = results.flatMap((r) =>
  r.error
    ? [[r.name, 'ERROR', '', '', r.error.split('\n')[0] ?? '']]
    : r.checks.map((c) => [
        r.name,
        c.pass ? 'PASS' : 'FAIL',
        c.label,
        `${formatValue(c.actual)} ${c.unit}`,
        `<= ${formatValue(c.target)} ${c.unit}`,
      ]),
);
const header = ['BENCH', 'RESULT', 'CHECK', 'MEASURED', 'TARGET'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const format = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
process.stdout.write(`\nSummary\n${[header, ...rows].map(format).join('\n')}\n`);

const outDir = join(import.meta.dirname, 'out');
await mkdir(outDir, { recursive: true });
const report = {
  createdAt: new Date().toISOString(),
  machine,
  loadAverageAtEnd: loadavg(),
  results,
};
await writeFile(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
process.stdout.write(`report: ${join(outDir, 'report.json')}\n`);
const failed = results.some((r) => r.error !== undefined || r.checks.some((c) => !c.pass));
process.exitCode = failed ? 1 : 0;
