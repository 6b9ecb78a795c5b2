import { readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type OpenDatabase } from '../src/db/database.ts';
import { importFile } from '../src/library/import.service.ts';
import { type LibraryContext } from '../src/library/library-context.ts';
import { loadStarterLibraryIfEmpty } from '../src/library/starter-library.ts';
import { seconds, type BenchResult } from './bench-result.ts';
import { sharedData } from './child-process.ts';
import { generatePtpFile, seededRandom } from './generate-ptp.ts';
import { icd10cmFiles } from './import-icd10cm.bench.ts';
import { testContext } from '../test/support/test-context.ts';

const PTP_ROWS = 2_000_000;
const DOCUMENTS = 200;
export const spineCodes = ['62263', '62264', '62321', '62323', '64479', '64483', '64484', '77003'];

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

export interface BenchmarkLibrary {
  opened: OpenDatabase;
  ctx: LibraryContext;
  /** The spine codes, then the 50 codes with the most PTP edits. */
  codes: string[];
  loadMs: number;
  metrics: BenchResult['metrics'];
}

/**
 * The library the card and ask benchmarks run over: 2M generated PTP rows, the full ICD-10-CM
 * (order file and tabular list), HCPCS 2020, the starter library and 200 generated guidance
 * documents, in a fresh embedded store under `dir`.
 */
export async function openBenchmarkLibrary(dir: string): Promise<BenchmarkLibrary> {
  const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
  const ctx: LibraryContext = testContext(opened);
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
  const library = counts.rows[0]!;
  return {
    opened,
    ctx,
    codes: [...spineCodes, ...rows.map((r) => r.code)],
    loadMs,
    metrics: [
      { label: 'library: PTP rows', value: library.ptp },
      { label: 'library: descriptors (ICD-10-CM, HCPCS, sample)', value: library.descriptors },
      { label: 'library: documents', value: library.documents },
      { label: 'library: passages', value: library.passages },
      { label: 'library loaded in', value: seconds(loadMs), unit: 's' },
    ],
  };
}

/** Closes the library and removes its directory (also after a failed run). */
export async function closeBenchmarkLibrary(library: BenchmarkLibrary, dir: string): Promise<void> {
  await library.opened.close();
  await rm(dir, { recursive: true, force: true });
}
