import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  atMost,
  mib,
  seconds,
  type Bench,
  type BenchMetric,
  type BenchResult,
  runWhenMain,
} from './bench-result.ts';
import { importMeasured, sharedData } from './child-process.ts';

const TARGET_SECONDS = 20;

export const icd10cmFiles = [
  join(sharedData, 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt'),
  join(sharedData, 'icd10cm/fy2021/icd10cm_tabular_2021.xml'),
];

/** ICD-10-CM FY2021 order file + tabular list, imported by one CLI run into a fresh PGlite dir. */
export const importIcd10cmBench: Bench = {
  name: 'import-icd10cm',
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-icd-'));
    try {
      const { run, results } = await importMeasured(join(dir, 'data'), icd10cmFiles);
      const metrics: BenchMetric[] = [];
      let importMs = 0;
      for (const [i, file] of icd10cmFiles.entries()) {
        const result = results[i];
        importMs += result?.durationMs ?? 0;
        metrics.push({
          label: basename(file),
          value: `${mib((await stat(file)).size)} MiB, ${(result?.rowsRead ?? 0).toLocaleString('en-US')} rows read, ${(result?.rowsStored ?? 0).toLocaleString('en-US')} stored, ${seconds(result?.durationMs ?? 0)} s`,
        });
      }
      metrics.push(
        { label: 'both imports (importFile)', value: seconds(importMs), unit: 's' },
        {
          label: 'CLI wall time (fresh dir: start-up + imports + close)',
          value: seconds(run.wallMs),
          unit: 's',
        },
        { label: 'child CPU time (user + sys)', value: run.cpuSeconds ?? 'n/a', unit: 's' },
        { label: `peak RSS (${run.rssSource})`, value: mib(run.peakRssBytes), unit: 'MiB' },
      );
      return {
        name: this.name,
        metrics,
        checks: [atMost('wall time, both files', seconds(run.wallMs), TARGET_SECONDS, 's')],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

await runWhenMain(import.meta.url, importIcd10cmBench);
