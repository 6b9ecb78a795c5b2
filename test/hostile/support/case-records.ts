import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { hostileSettings, megabytes } from './hostile-settings.ts';

/** One row of the tier's summary: a hostile case or a fuzz run, with what was measured. */
export interface CaseRecord {
  group: string;
  name: string;
  passed: boolean;
  /** Slowest `/health/live` answer during the case, ms (null: not probed). */
  maxLiveMs: number | null;
  liveProbes: number;
  /** Probes that got no answer, or not a 200 JSON answer. */
  liveBad: number;
  peakRssBytes: number | null;
  seconds: number;
  notes: string[];
  failures: string[];
}

const outDir = resolve(import.meta.dirname, '../../../test-results/hostile');
const recordsFile = join(outDir, 'cases.jsonl');

export function clearCaseRecords(): void {
  rmSync(recordsFile, { force: true });
}

export function recordCase(record: CaseRecord): void {
  mkdirSync(outDir, { recursive: true });
  appendFileSync(recordsFile, `${JSON.stringify(record)}\n`);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The per-case table (markdown) in test-results/hostile/summary.md, also printed. */
export function writeSummary(): void {
  if (!existsSync(recordsFile)) return;
  const records = readFileSync(recordsFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CaseRecord);
  const lines = [
    '# Hostile-input tier: summary',
    '',
    `RSS cap ${megabytes(hostileSettings.rssCapBytes)} MiB, /health/live limit ${hostileSettings.liveLimitMs} ms, ` +
      `scale ${hostileSettings.scale}. Written ${new Date().toISOString()}.`,
    '',
    '| group | case | result | max /health/live ms | bad probes / probes | peak RSS MiB | s | notes and failures |',
    '|---|---|---|---|---|---|---|---|',
    ...records.map((r) =>
      [
        '',
        r.group,
        cell(r.name),
        r.passed ? 'pass' : '**FAIL**',
        r.maxLiveMs === null ? 'n/a' : String(Math.round(r.maxLiveMs)),
        r.maxLiveMs === null ? 'n/a' : `${r.liveBad} / ${r.liveProbes}`,
        r.peakRssBytes === null ? 'n/a' : String(megabytes(r.peakRssBytes)),
        r.seconds.toFixed(1),
        cell([...r.notes, ...r.failures.map((f) => `FAIL: ${f}`)].join('; ').slice(0, 1500)),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
  ];
  const text = lines.join('\n');
  writeFileSync(join(outDir, 'summary.md'), text);
  console.log(`\n${text}\n(written to test-results/hostile/summary.md)`);
}
