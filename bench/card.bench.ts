import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeCard } from '../src/cards/compose-card.ts';
import { atMost, type Bench, type BenchResult, runWhenMain } from './bench-result.ts';
import { openBenchmarkLibrary, closeBenchmarkLibrary } from './benchmark-library.ts';
import { seededRandom } from './generate-ptp.ts';
import { stats } from './lookup-search.bench.ts';

const CARDS = 400;
const CARD_P95_MS = 20;
const DOS = '2026-11-27';

/** Card composition in process, over the benchmark library (see benchmark-library.ts). */
export const cardBench: Bench = {
  name: 'card',
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-card-'));
    const library = await openBenchmarkLibrary(dir);
    try {
      const { ctx, codes } = library;
      const random = seededRandom(7);
      for (const code of codes.slice(0, 10))
        await composeCard(ctx, { code, dos: DOS, setting: 'practitioner', lang: 'en' });
      const samples: number[] = [];
      for (let i = 0; i < CARDS; i++) {
        const code = codes[Math.floor(random() * codes.length)] ?? '62264';
        const lang = i % 4 === 0 ? 'ar' : 'en';
        const started = performance.now();
        await composeCard(ctx, { code, dos: DOS, setting: 'practitioner', lang }).catch(() => null);
        samples.push(performance.now() - started);
      }
      const card = stats(samples);
      return {
        name: this.name,
        metrics: [
          ...library.metrics,
          { label: `cards composed (${codes.length} codes, 1 in 4 in Arabic)`, value: card.n },
          { label: 'card p50', value: card.p50, unit: 'ms' },
          { label: 'card p95', value: card.p95, unit: 'ms' },
          { label: 'card max', value: card.max, unit: 'ms' },
        ],
        checks: [atMost('composeCard p95', card.p95, CARD_P95_MS, 'ms')],
      };
    } finally {
      await closeBenchmarkLibrary(library, dir);
    }
  },
};

await runWhenMain(import.meta.url, cardBench);
