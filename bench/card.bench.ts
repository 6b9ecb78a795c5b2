import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { composeCard } from '../src/cards/compose-card.ts';
import { openDatabase } from '../src/db/database.ts';
import { importFile } from '../src/library/import.service.ts';
import { DEFAULT_ORG, type LibraryContext } from '../src/library/library-context.ts';
import { loadStarterLibraryIfEmpty } from '../src/library/starter-library.ts';
import { atMost, printResult, seconds, type Bench, type BenchResult } from './bench-result.ts';
import { sharedData } from './child-process.ts';
import { generatePtpFile, seededRandom } from './generate-ptp.ts';
import { icd10cmFiles } from './import-icd10cm.bench.ts';
import { stats } from './lookup-search.bench.ts';

const PTP_ROWS = 2_000_000;
const DOCUMENTS = 200;
const CARDS = 400;
const CARD_P95_MS = 20;
const DOS = '2026-11-27';
const spineCodes = ['62263', '62264', '62321', '62323', '64479', '64483', '64484', '77003'];

/** A generated guidance document mentioning spine codes (sample text made for the benchmark). */
function sampleDocument(i: number, random: () => number): string {
  const code = () => spineCodes[Math.floor(random() * spineCodes.length)] ?? '62323';
  const lines = [`# SAMPLE benchmark guidance ${i}`, ''];
  for (let s = 0; s < 12; s++) {
    lines.push(
      `## Section ${s}`,
      '',
      `SAMPLE TEXT. Report ${code()} once per day. Do not report ${code()} with ${code()} on the same date.`,
      `The note must record the level, the side and the drug used for ${code()}; imaging guidance is included in 62321-62327.`,
      '',
    );
  }
  return lines.join('\n');
}

/**
 * Card composition in process, over a library of 2M PTP rows, the full ICD-10-CM (order file and
 * tabular list), HCPCS 2020, the starter library and 200 generated guidance documents.
 */
export const cardBench: Bench = {
  name: 'card',
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-card-'));
    const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    try {
      const ctx: LibraryContext = { db: opened.db, engine: opened.engine, orgId: DEFAULT_ORG };
      const loadStarted = performance.now();
      await loadStarterLibraryIfEmpty(ctx);
      const ptp = await generatePtpFile(join(dir, 'ccipra-v320r0-f1.txt'), { rows: PTP_ROWS });
      const files = [
        ptp.path,
        ...icd10cmFiles,
        join(sharedData, 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt'),
      ];
      for (const path of files)
        await importFile(ctx, { fileName: basename(path), bytes: await readFile(path) });
      const random = seededRandom(7);
      for (let i = 0; i < DOCUMENTS; i++) {
        await importFile(ctx, {
          fileName: `sample-bench-${i}.md`,
          bytes: Buffer.from(sampleDocument(i, random)),
        });
      }
      const loadMs = performance.now() - loadStarted;
      const { rows } = await sql<{ code: string }>`
        select column1 as code from ptp_edits group by column1 order by count(*) desc limit 50`.execute(
        ctx.db,
      );
      const codes = [...spineCodes, ...rows.map((r) => r.code)];
      const counts = await sql<{
        ptp: number;
        passages: number;
        descriptors: number;
        documents: number;
      }>`
        select (select count(*)::int from ptp_edits) as ptp, (select count(*)::int from passages) as passages,
               (select count(*)::int from code_descriptors) as descriptors, (select count(*)::int from documents) as documents`.execute(
        ctx.db,
      );
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
      const library = counts.rows[0]!;
      return {
        name: this.name,
        metrics: [
          { label: 'library: PTP rows', value: library.ptp },
          { label: 'library: descriptors (ICD-10-CM, HCPCS, sample)', value: library.descriptors },
          { label: 'library: documents', value: library.documents },
          { label: 'library: passages', value: library.passages },
          { label: 'library loaded in', value: seconds(loadMs), unit: 's' },
          { label: `cards composed (${codes.length} codes, 1 in 4 in Arabic)`, value: card.n },
          { label: 'card p50', value: card.p50, unit: 'ms' },
          { label: 'card p95', value: card.p95, unit: 'ms' },
          { label: 'card max', value: card.max, unit: 'ms' },
        ],
        checks: [atMost('composeCard p95', card.p95, CARD_P95_MS, 'ms')],
      };
    } finally {
      await opened.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResult(await cardBench.run());
}
