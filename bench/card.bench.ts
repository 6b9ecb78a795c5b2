import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCardCache } from '../src/cards/card-cache.ts';
import { composeCard, type CardRequest } from '../src/cards/compose-card.ts';
import type { LibraryContext } from '../src/library/library-context.ts';
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
      const cached = await cacheHits(ctx, codes.slice(0, 50), random);
      return {
        name: this.name,
        metrics: [
          ...library.metrics,
          { label: `cards composed (${codes.length} codes, 1 in 4 in Arabic)`, value: card.n },
          { label: 'card p50', value: card.p50, unit: 'ms' },
          { label: 'card p95', value: card.p95, unit: 'ms' },
          { label: 'card max', value: card.max, unit: 'ms' },
          { label: 'cached card p50 (hit: version query + lookup)', value: cached.p50, unit: 'ms' },
          { label: 'cached card p95', value: cached.p95, unit: 'ms' },
          { label: 'card JSON size, mean', value: cached.meanKb, unit: 'KB' },
        ],
        checks: [atMost('composeCard p95', card.p95, CARD_P95_MS, 'ms')],
      };
    } finally {
      await closeBenchmarkLibrary(library, dir);
    }
  },
};

/** The hit path of the card cache (src/cards/card-cache.ts): the same cards asked again. */
async function cacheHits(ctx: LibraryContext, codes: string[], random: () => number) {
  const cache = createCardCache({ entries: 2000 });
  const request = (code: string, lang: 'ar' | 'en'): CardRequest => ({
    code,
    dos: DOS,
    setting: 'practitioner',
    lang,
  });
  let bytes = 0;
  let cards = 0;
  for (const code of codes)
    for (const lang of ['en', 'ar'] as const) {
      const card = await cache.card(ctx, request(code, lang)).catch(() => null);
      if (card) [bytes, cards] = [bytes + JSON.stringify(card).length, cards + 1];
    }
  const samples: number[] = [];
  for (let i = 0; i < CARDS; i++) {
    const code = codes[Math.floor(random() * codes.length)] ?? '62264';
    const started = performance.now();
    await cache.card(ctx, request(code, i % 4 === 0 ? 'ar' : 'en')).catch(() => null);
    samples.push(performance.now() - started);
  }
  return { ...stats(samples), meanKb: Math.round(bytes / Math.max(cards, 1) / 102.4) / 10 };
}

await runWhenMain(import.meta.url, cardBench);
