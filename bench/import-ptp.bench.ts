import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atMost, mib, seconds, type Bench, type BenchResult, runWhenMain } from './bench-result.ts';
import { importMeasured, runCodecardMeasured } from './child-process.ts';
import { generatePtpFile } from './generate-ptp.ts';

const ROWS = 2_000_000;
const TARGET_SECONDS = 30;
const TARGET_MIB = 1024;

/**
 * A 2M-row CMS PTP release imported by the CLI into a new, empty PGlite store. Creating the
 * store (PGlite's initdb + migrations) is measured as its own run first: it is set-up, not the
 * import, and its peak (~1 GB, in PGlite's initdb) is reported beside the import's.
 */
export const importPtpBench: Bench = {
  name: 'import-ptp',
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-ptp-'));
    try {
      const generateStarted = performance.now();
      const file = await generatePtpFile(join(dir, 'ccipra-v329r0-f1.txt'), { rows: ROWS });
      const generateMs = performance.now() - generateStarted;
      const setup = await runCodecardMeasured(['--data', join(dir, 'data'), 'library', '--json']);
      if (setup.code !== 0) throw new Error(`creating the store failed: ${setup.stderr}`);
      const { run, results } = await importMeasured(join(dir, 'data'), [file.path]);
      const result = results[0];
      const importMs = result?.durationMs ?? 0;
      return {
        name: this.name,
        metrics: [
          { label: 'input rows', value: file.rows },
          { label: 'input size', value: mib(file.bytes), unit: 'MiB' },
          { label: 'generated in', value: seconds(generateMs), unit: 's' },
          { label: 'rows stored', value: result?.rowsStored ?? 0 },
          {
            label: 'new store created (initdb + migrations) in',
            value: seconds(setup.wallMs),
            unit: 's',
          },
          {
            label: `new store creation peak RSS (${setup.rssSource})`,
            value: mib(setup.peakRssBytes),
            unit: 'MiB',
          },
          {
            label: 'CLI wall time (empty store: start-up + import + close)',
            value: seconds(run.wallMs),
            unit: 's',
          },
          { label: 'import itself (importFile)', value: seconds(importMs), unit: 's' },
          { label: 'start-up + close', value: seconds(run.wallMs - importMs), unit: 's' },
          { label: 'rows/s (wall)', value: Math.round(file.rows / (run.wallMs / 1000)) },
          { label: 'rows/s (import)', value: Math.round(file.rows / (importMs / 1000)) },
          { label: 'child CPU time (user + sys)', value: run.cpuSeconds ?? 'n/a', unit: 's' },
          { label: `peak RSS (${run.rssSource})`, value: mib(run.peakRssBytes), unit: 'MiB' },
        ],
        checks: [
          atMost('wall time', seconds(run.wallMs), TARGET_SECONDS, 's'),
          atMost('peak memory', mib(run.peakRssBytes), TARGET_MIB, 'MiB'),
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

await runWhenMain(import.meta.url, importPtpBench);
