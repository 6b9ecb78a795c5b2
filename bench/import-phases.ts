import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { structuredParsers } from '../src/library/formats/index.ts';
import type { ImportPhase } from '../src/library/import-progress.ts';
import { importFile } from '../src/library/import.service.ts';
import {
  mib,
  printResult,
  seconds,
  type Bench,
  type BenchMetric,
  type BenchResult,
} from './bench-result.ts';
import { generatePtpFile } from './generate-ptp.ts';
import { startRssSampler } from './rss-sampler.ts';
import { testContext } from '../test/support/test-context.ts';

/**
 * A diagnostic for the PTP import target: where a large import spends time and memory, in
 * process and in the same order as the CLI (open, read, importFile, close). Time inside PGlite
 * is split by wrapping `PGlite.prototype.query` (COPY, CREATE INDEX, everything else); peak RSS
 * per phase comes from a sampler thread. Afterwards, for comparison: a parse-only pass and a
 * REINDEX alone. Run: `npm run bench -- phases` or `node --import tsx bench/import-phases.ts ROWS`.
 */

interface QueryClock {
  copyMs: number;
  copyCount: number;
  indexMs: number;
  otherMs: number;
}

type QueryFn = (this: PGlite, ...args: Parameters<PGlite['query']>) => ReturnType<PGlite['query']>;

function instrumentPGlite(): { clock: QueryClock; restore: () => void } {
  const clock: QueryClock = { copyMs: 0, copyCount: 0, indexMs: 0, otherMs: 0 };
  const proto = PGlite.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  proto.query = async function (this: PGlite, ...args) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      const ms = performance.now() - started;
      const text = args[0].trimStart().slice(0, 20).toLowerCase();
      if (text.startsWith('copy')) {
        clock.copyMs += ms;
        clock.copyCount++;
      } else if (text.startsWith('create index') || text.startsWith('create unique index')) {
        clock.indexMs += ms;
      } else clock.otherMs += ms;
    }
  } as QueryFn;
  return { clock, restore: () => (proto.query = original) };
}

export async function measurePtpPhases(rows: number): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-phases-'));
  const sampler = startRssSampler();
  const instrumented = instrumentPGlite();
  const clock = instrumented.clock;
  const metrics: BenchMetric[] = [];
  const steps: { label: string; start: number }[] = [];
  const enter = (label: string) => {
    sampler.phase(label);
    steps.push({ label, start: performance.now() });
  };
  try {
    const file = await generatePtpFile(join(dir, 'ccipra-v329r0-f1.txt'), { rows });
    metrics.push({
      label: 'input',
      value: `${rows.toLocaleString('en-US')} rows, ${mib(file.bytes)} MiB`,
    });
    const dataDir = join(dir, 'data');
    enter('open fresh dir (initdb + migrations)');
    const opened = await openDatabase({ kind: 'pglite', dataDir });
    let bytes: Buffer;
    try {
      enter('read file');
      bytes = await readFile(file.path);
      const ctx = testContext(opened);
      let last: ImportPhase | null = null;
      enter('importFile: hash + duplicate check');
      const result = await importFile(ctx, { fileName: basename(file.path), bytes }, {}, (p) => {
        if (p.phase !== last && p.phase !== 'done') enter(`importFile: ${p.phase}`);
        last = p.phase;
      });
      enter('close');
      await opened.close();
      metrics.push({ label: 'rows stored', value: result.rowsStored });
    } finally {
      await opened.close();
    }
    // For comparison, with the store closed: a parse-only pass, then an index rebuild alone.
    enter('comparison: parse only');
    const parsed = await structuredParsers['ncci-ptp'](
      { fileName: basename(file.path), bytes },
      {},
    );
    let parsedRecords = 0;
    for (const record of parsed.records) if (record.kind === 'ptp') parsedRecords++;
    enter('comparison: reopen');
    const reopened = await openDatabase({ kind: 'pglite', dataDir });
    enter('comparison: REINDEX TABLE ptp_edits');
    await sql`reindex table ptp_edits`.execute(reopened.db);
    enter('comparison: close');
    await reopened.close();
    enter('end');
    const peaks = new Map((await sampler.stop()).map((p) => [p.label, p.peakBytes]));
    for (const [i, step] of steps.entries()) {
      const next = steps[i + 1];
      if (!next) break;
      metrics.push({
        label: `  ${step.label}`,
        value: `${seconds(next.start - step.start)} s, peak RSS ${mib(peaks.get(step.label) ?? 0)} MiB`,
      });
    }
    metrics.push(
      { label: 'parse-only records', value: parsedRecords },
      {
        label: 'inside importFile: COPY',
        value: `${seconds(clock.copyMs)} s in ${clock.copyCount} statements`,
      },
      { label: 'inside importFile: CREATE INDEX', value: seconds(clock.indexMs), unit: 's' },
      {
        label: 'all other SQL (incl. the REINDEX comparison)',
        value: seconds(clock.otherMs),
        unit: 's',
      },
      {
        label: 'process peak RSS (getrusage)',
        value: mib(process.resourceUsage().maxRSS * 1024),
        unit: 'MiB',
      },
    );
    return { name: 'import-ptp-phases', metrics, checks: [] };
  } finally {
    instrumented.restore();
    await rm(dir, { recursive: true, force: true });
  }
}

export const importPhasesBench: Bench = {
  name: 'phases',
  run: () => measurePtpPhases(2_000_000),
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResult(await measurePtpPhases(Number(process.argv[2] ?? 2_000_000)));
}
