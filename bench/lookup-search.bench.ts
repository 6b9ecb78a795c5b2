import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { lookupCode } from '../src/codes/code-lookup.ts';
import { searchCodes } from '../src/codes/code-search.ts';
import { openDatabase } from '../src/db/database.ts';
import { type LibraryContext } from '../src/library/library-context.ts';
import { atMost, seconds, type Bench, type BenchResult, runWhenMain } from './bench-result.ts';
import { importMeasured, sharedData } from './child-process.ts';
import { seededRandom } from './generate-ptp.ts';
import { icd10cmFiles } from './import-icd10cm.bench.ts';
import { testContext } from '../test/support/test-context.ts';

const LOOKUPS = 1_200;
const SEARCHES = 360;
const LOOKUP_P95_MS = 5;
const SEARCH_P95_MS = 20;
// Inside HCPCS 2020 and ICD-10-CM FY2021.
const DOS = '2020-12-01';

const hcpcsFile = join(sharedData, 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt');

/** What coders type: words, drug names, code prefixes, and typos. */
export const searchPhrases = [
  'low back pain',
  'sciatica',
  'fracture of femur',
  'methylprednisolone',
  'diabetes with hyperglycemia',
  'M54.1',
  'sciatca',
  'M54',
  'E11.6',
  'S72.0',
  'J10',
  'Z00.00',
  'hypertension',
  'chest pain',
  'type 2 diabetes mellitus',
  'pneumonia',
  'pnuemonia',
  'asthma with exacerbation',
  'migraine without aura',
  'wheelchair',
  'insulin',
  'osteoarthritis of knee',
  'urinary tract infection',
  'major depressive disorder',
  'anxiety',
  'otitis media',
  'ambulance',
  'glucose monitor',
  'oxygen concentrator',
  'diabetis',
  'hypertensoin',
  'radiculopathy lumbar',
  'injection triamcinolone',
  'ankle sprain',
  'obesity',
  'J1040',
  'G0',
  'A41',
];

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? 0;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}

async function sampleCodes(ctx: LibraryContext, random: () => number): Promise<string[]> {
  const { rows } = await sql<{ system: string; code: string }>`
    select distinct system, code from code_descriptors
    where system in ('icd10cm', 'hcpcs')
      and (effective_from is null or effective_from <= ${DOS})
      and (effective_to is null or effective_to >= ${DOS})
    order by system, code`.execute(ctx.db);
  const icd = rows.filter((r) => r.system === 'icd10cm').map((r) => r.code);
  const hcpcs = rows.filter((r) => r.system === 'hcpcs').map((r) => r.code);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] ?? '';
  const codes: string[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const r = random();
    // 40% ICD as printed (M54.16), 30% ICD typed without the dot (M5416), 30% HCPCS.
    if (r < 0.4) codes.push(pick(icd));
    else if (r < 0.7) codes.push(pick(icd).replace('.', ''));
    else codes.push(pick(hcpcs));
  }
  return codes;
}

/** Two or three consecutive words from random descriptors: more distinct realistic queries. */
async function descriptorPhrases(ctx: LibraryContext, random: () => number, n: number) {
  const { rows } = await sql<{ long_description: string }>`
    select long_description from code_descriptors order by system, code, locator`.execute(ctx.db);
  const out: string[] = [];
  while (out.length < n && rows.length > 0) {
    const words = (rows[Math.floor(random() * rows.length)]?.long_description ?? '')
      .split(/[^A-Za-z]+/)
      .filter((w) => w.length > 3);
    if (words.length < 2) continue;
    const size = Math.min(words.length, 2 + Math.floor(random() * 2));
    const start = Math.floor(random() * (words.length - size + 1));
    out.push(
      words
        .slice(start, start + size)
        .join(' ')
        .toLowerCase(),
    );
  }
  return out;
}

/** Warms up, then times every lookup and every search, one at a time. */
async function measure(
  ctx: LibraryContext,
  codes: readonly string[],
  phrases: readonly string[],
  queries: readonly string[],
) {
  // Warm-up: PGlite's caches, V8's JIT, the query plans.
  for (const code of codes.slice(0, 200))
    await lookupCode(ctx, code, { dos: DOS }).catch(() => null);
  for (const phrase of phrases) await searchCodes(ctx, phrase, { dos: DOS });
  const lookupMs: number[] = [];
  let notFound = 0;
  for (const code of codes) {
    const started = performance.now();
    await lookupCode(ctx, code, { dos: DOS }).catch(() => notFound++);
    lookupMs.push(performance.now() - started);
  }
  const searchMs: number[] = [];
  let emptyResults = 0;
  let slowest = { query: '', ms: 0 };
  for (const query of queries) {
    const started = performance.now();
    const hits = await searchCodes(ctx, query, { dos: DOS });
    const ms = performance.now() - started;
    searchMs.push(ms);
    if (ms > slowest.ms) slowest = { query, ms };
    if (hits.length === 0) emptyResults++;
  }
  return {
    lookups: stats(lookupMs),
    searches: stats(searchMs),
    notFound,
    emptyResults,
    slowest: `"${slowest.query}" ${Math.round(slowest.ms * 10) / 10} ms`,
  };
}

/** `lookupCode` and `searchCodes` latency over ICD-10-CM FY2021 + HCPCS 2020 in one PGlite dir. */
export const lookupSearchBench: Bench = {
  name: 'lookup-search',
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-lookup-'));
    try {
      const dataDir = join(dir, 'data');
      const { run, results } = await importMeasured(dataDir, [...icd10cmFiles, hcpcsFile]);
      const descriptorsImported = results.reduce((n, r) => n + (r.rowsStored ?? 0), 0);
      const opened = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const ctx: LibraryContext = testContext(opened);
        const random = seededRandom(2020);
        const codes = await sampleCodes(ctx, random);
        const phrases = [...searchPhrases, ...(await descriptorPhrases(ctx, random, 150))];
        const queries = Array.from({ length: SEARCHES }, (_, i) =>
          i % 2 === 0
            ? searchPhrases[(i / 2) % searchPhrases.length]!
            : phrases[Math.floor(random() * phrases.length)]!,
        );

        const shipped = await measure(ctx, codes, phrases, queries);
        // Diagnostic, not a target: the same run after flushing the GIN pending lists and
        // collecting planner statistics (PGlite has no autovacuum, so neither ever happens).
        const maintenanceStarted = performance.now();
        await sql`select gin_clean_pending_list(c.oid) from pg_class c
          join pg_am a on a.oid = c.relam where a.amname = 'gin'`.execute(ctx.db);
        await sql`analyze`.execute(ctx.db);
        const maintenanceMs = performance.now() - maintenanceStarted;
        const maintained = await measure(ctx, codes, phrases, queries);
        const line = (s: Stats) => `p50 ${s.p50}, p95 ${s.p95}, max ${s.max}, mean ${s.mean}`;
        return {
          name: this.name,
          metrics: [
            {
              label: 'library',
              value: `ICD-10-CM FY2021 order + tabular, HCPCS 2020: ${descriptorsImported.toLocaleString('en-US')} rows imported in ${seconds(run.wallMs)} s (CLI)`,
            },
            {
              label: 'lookups',
              value: `${shipped.lookups.n} random real codes (40% ICD with dot, 30% without, 30% HCPCS), ${shipped.notFound} not found`,
            },
            { label: 'lookup ms', value: line(shipped.lookups) },
            {
              label: 'searches',
              value: `${shipped.searches.n} queries (${phrases.length} distinct phrases), ${shipped.emptyResults} with no hits`,
            },
            { label: 'search ms', value: line(shipped.searches) },
            { label: 'slowest search', value: shipped.slowest },
            {
              label: 'diagnostic: gin_clean_pending_list + ANALYZE took',
              value: seconds(maintenanceMs),
              unit: 's',
            },
            { label: 'diagnostic: lookup ms after it', value: line(maintained.lookups) },
            { label: 'diagnostic: search ms after it', value: line(maintained.searches) },
            { label: 'diagnostic: slowest search after it', value: maintained.slowest },
          ],
          checks: [
            atMost('lookupCode p95', shipped.lookups.p95, LOOKUP_P95_MS, 'ms'),
            atMost('searchCodes p95', shipped.searches.p95, SEARCH_P95_MS, 'ms'),
          ],
        };
      } finally {
        await opened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

await runWhenMain(import.meta.url, lookupSearchBench);
