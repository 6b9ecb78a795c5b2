import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeCard, type CardRequest } from '../src/cards/compose-card.ts';
import { lookupCode } from '../src/codes/code-lookup.ts';
import { openDatabase } from '../src/db/database.ts';
import { importFile } from '../src/library/import.service.ts';
import type { LibraryContext } from '../src/library/library-context.ts';
import { printResult, seconds, type Bench, type BenchResult } from './bench-result.ts';
import { generatePtpFile } from './generate-ptp.ts';
import { testContext } from '../test/support/test-context.ts';

/**
 * Does the embedded store keep answering while a large table is imported? On a new PGlite
 * store holding a small PTP release and a code table, a 2M-row CMS PTP release is imported in
 * this process while, every 100 ms, (a) a timer measures how late it fires (what a `/health`
 * request would wait for the event loop) and (b) a code card for a code the release holds is
 * composed through the library API (latency from the moment it was due, so a blocked event loop
 * counts too). Cards are also checked to show the library as it was until the import commits.
 * Run: `node --expose-gc --import tsx bench/import-responsiveness.ts [ROWS] [--no-probes]` or
 * `npm run bench -- responsiveness`.
 */

const DEFAULT_ROWS = 2_000_000;
const PROBE_EVERY_MS = 100;
// 62321 is in the generator's code universe (10004 + 3k) and in the starting release below.
const CARD: CardRequest = { code: '62321', dos: '2026-01-15', setting: 'practitioner', lang: 'en' };

interface Latencies {
  count: number;
  maxMs: number;
  p99Ms: number;
  p50Ms: number;
}

function summarize(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: sorted.length,
    maxMs: Math.round(sorted.at(-1) ?? 0),
    p99Ms: Math.round(at(0.99)),
    p50Ms: Math.round(at(0.5)),
  };
}

function startingPtpCsv(): string {
  const lines = ['column_1,column_2,modifier_indicator'];
  for (const c1 of ['62321', '62322', '62323']) {
    for (let k = 0; k < 10; k++) lines.push(`${c1},${String(20550 + k * 37)},${k % 2}`);
  }
  return lines.join('\n') + '\n';
}

const startingCodeTable = [
  'code,description',
  '62321,"Injection into the epidural space of the cervical or thoracic spine, with imaging guidance"',
  '62323,"Injection into the lumbar or sacral epidural space, with imaging guidance"',
].join('\n');

/**
 * Probes every 100 ms until stopped: event-loop lateness, and a card and a code lookup each
 * measured from its due time. A probe still waiting when the import returns counts with the
 * time it has waited so far (the first card after an NCCI import also rebuilds the edit index,
 * which is reported on its own).
 */
function startProbes(ctx: LibraryContext, version: string) {
  const loopDelays: number[] = [];
  const reads = { card: [] as number[], lookup: [] as number[] };
  const waiting = new Map<Promise<void>, { due: number; kind: keyof typeof reads }>();
  let changedCards = 0;
  let failed = 0;
  let due = performance.now() + PROBE_EVERY_MS;
  let timer: NodeJS.Timeout | null = null;
  const probe = (kind: keyof typeof reads, read: () => Promise<boolean>, readDue: number) => {
    const running: Promise<void> = read().then(
      (changed) => {
        if (waiting.delete(running)) reads[kind].push(performance.now() - readDue);
        if (changed) changedCards++;
      },
      () => void failed++,
    );
    waiting.set(running, { due: readDue, kind });
  };
  const probeAll = (readDue: number) => {
    probe('card', async () => (await composeCard(ctx, CARD)).libraryVersion !== version, readDue);
    probe(
      'lookup',
      async () => (await lookupCode(ctx, CARD.code, { dos: CARD.dos }), false),
      readDue,
    );
  };
  const tick = () => {
    const now = performance.now();
    loopDelays.push(now - due);
    probeAll(due);
    due = Math.max(due + PROBE_EVERY_MS, now);
    timer = setTimeout(tick, Math.max(0, due - performance.now()));
  };
  timer = setTimeout(tick, PROBE_EVERY_MS);
  return {
    async stop() {
      if (timer) clearTimeout(timer);
      const now = performance.now();
      // A tick due while the event loop was held still counts (its reads could not even start).
      if (now > due) {
        loopDelays.push(now - due);
        reads.card.push(now - due);
        reads.lookup.push(now - due);
      }
      const stillWaiting = [...waiting.keys()];
      for (const { due: readDue, kind } of waiting.values()) reads[kind].push(now - readDue);
      waiting.clear();
      const result = {
        loop: summarize(loopDelays),
        card: summarize(reads.card),
        lookup: summarize(reads.lookup),
        stillWaiting: stillWaiting.length,
        changedCards,
        failed,
      };
      await Promise.all(stillWaiting);
      return result;
    },
  };
}

export const importResponsivenessBench: Bench = {
  name: 'import-responsiveness',
  async run(): Promise<BenchResult> {
    const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? DEFAULT_ROWS);
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-resp-'));
    try {
      const file = await generatePtpFile(join(dir, 'ccipra-v329r0-f1.txt'), { rows });
      const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
      try {
        const ctx = testContext(opened);
        const seed = { setting: 'practitioner' as const };
        const ptp = { fileName: 'ccipra-start.csv', bytes: Buffer.from(startingPtpCsv()) };
        await importFile(ctx, ptp, seed);
        const codes = { fileName: 'epidural-codes.csv', bytes: Buffer.from(startingCodeTable) };
        await importFile(ctx, codes);
        // Warm caches (classifier, prepared plans) so the first probe is not an outlier.
        let version = '';
        for (let i = 0; i < 5; i++) version = (await composeCard(ctx, CARD)).libraryVersion;
        const idle = startProbes(ctx, version);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const before = await idle.stop();

        const bytes = await readFile(file.path);
        // `--no-probes`: the import's own time, without reads competing for the connection.
        const probes = process.argv.includes('--no-probes') ? null : startProbes(ctx, version);
        const started = performance.now();
        const result = await importFile(ctx, { fileName: 'ccipra-v329r0-f1.txt', bytes });
        const wallMs = performance.now() - started;
        const during = (await probes?.stop()) ?? before;
        const afterStarted = performance.now();
        const after = await composeCard(ctx, CARD);
        const afterMs = performance.now() - afterStarted;
        const line = (label: string, l: Latencies) =>
          ({
            label,
            value: `max ${l.maxMs} ms, p99 ${l.p99Ms} ms, p50 ${l.p50Ms} ms (n=${l.count})`,
          }) as const;
        return {
          name: this.name,
          metrics: [
            { label: 'input rows', value: file.rows },
            { label: 'rows stored', value: result.rowsStored },
            { label: 'import (importFile)', value: seconds(result.durationMs), unit: 's' },
            { label: 'import wall time', value: seconds(wallMs), unit: 's' },
            line('idle: event-loop delay', before.loop),
            line('idle: card latency', before.card),
            line('during import: event-loop delay ("health")', during.loop),
            line('during import: card latency', during.card),
            line('during import: code lookup latency', during.lookup),
            { label: 'reads still waiting when the import returned', value: during.stillWaiting },
            {
              label: 'next card after the import (rebuilds the edit index)',
              value: seconds(afterMs),
              unit: 's',
            },
            { label: 'cards that saw the import before it committed', value: during.changedCards },
            { label: 'reads that failed during the import', value: during.failed },
            {
              label: 'card after the import shows the new release',
              value: after.libraryVersion !== version ? 'yes' : 'NO',
            },
          ],
          checks: [],
        };
      } finally {
        await opened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResult(await importResponsivenessBench.run());
}
