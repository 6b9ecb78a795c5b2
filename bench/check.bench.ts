import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import type { Claim } from '../src/claims/claim-types.ts';
import { openDatabase } from '../src/db/database.ts';
import { importFile } from '../src/library/import.service.ts';
import { type LibraryContext } from '../src/library/library-context.ts';
import { checkClaims } from '../src/check/check-claims.ts';
import { checkClaim, checkEdits } from '../src/rules/check-claim.ts';
import { buildEditIndex } from '../src/rules/edit-index.ts';
import { buildReferenceIndex } from '../src/rules/reference-index.loader.ts';
import { oracleFindings } from '../src/rules/sql-oracle.ts';
import { atMost, mib, seconds, type Bench, type BenchResult, runWhenMain } from './bench-result.ts';
import { generatePtpFile, seededRandom } from './generate-ptp.ts';
import { testContext } from '../test/support/test-context.ts';

// Smaller runs (for profiling) through CHECK_BENCH_PTP_ROWS; the reported figures use 2M.
const PTP_ROWS = Number(process.env.CHECK_BENCH_PTP_ROWS ?? 2_000_000);
const CLAIMS = 200_000;
const ORACLE_CLAIMS = 500;
const DOS = '2026-11-02';
const modifiers = ['59', 'XS', '25', 'LT', '76'];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** JS heap plus array buffers (typed arrays live outside the heap), after a full collection. */
const heapUsed = () => {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/**
 * The claim check engine against the SQL oracle, over 2M generated practitioner PTP rows and a
 * generated MUE, add-on and descriptor tables, every rule on: claims/s for both in one process, index build time and index memory.
 */
export const checkBench: Bench = {
  name: 'check',
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-check-'));
    const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    try {
      const ctx: LibraryContext = testContext(opened);
      const ptp = await generatePtpFile(join(dir, 'ccipra-v323r0-f1.txt'), { rows: PTP_ROWS });
      await importFile(ctx, { fileName: basename(ptp.path), bytes: await readFile(ptp.path) });
      const { rows: codeRows } = await sql<{ code: string }>`
        select column1 as code from ptp_edits group by column1 order by column1`.execute(ctx.db);
      const codes = codeRows.map((r) => r.code);
      const random = seededRandom(11);
      const mueLines = [
        'hcpcs_cpt_code,practitioner_mue_value,mue_adjudication_indicator,mue_rationale',
      ];
      for (const code of codes)
        mueLines.push(
          `${code},${1 + Math.floor(random() * 4)},${1 + Math.floor(random() * 3)},Clinical: Data`,
        );
      const muePath = join(dir, 'mue-practitioner-Eff_10-01-2026.csv');
      await writeFile(muePath, mueLines.join('\n'));
      await importFile(
        ctx,
        { fileName: basename(muePath), bytes: await readFile(muePath) },
        { setting: 'practitioner' },
      );

      // Add-on pairs among the edited codes, and a descriptor table so code validity has a table.
      const addOnLines = ['Add-on Code,Primary Code'];
      for (let i = 0; i + 1 < codes.length; i += 20) addOnLines.push(`${codes[i]},${codes[i + 1]}`);
      const descriptorLines = ['Code,Long Descriptor'];
      for (const code of codes) descriptorLines.push(`${code},SAMPLE generated descriptor ${code}`);
      await importFile(
        ctx,
        { fileName: 'bench-add-on.csv', bytes: Buffer.from(addOnLines.join('\n')) },
        { kind: 'add-on' },
      );
      // The modifiers the claims use, named in a guide so the library knows them.
      const guide = `# Modifiers\n\nModifiers ${modifiers.join(', ')} are described here.\n`;
      await importFile(ctx, { fileName: 'bench-modifiers.md', bytes: Buffer.from(guide) });
      await importFile(
        ctx,
        { fileName: 'bench-descriptors.csv', bytes: Buffer.from(descriptorLines.join('\n')) },
        { kind: 'code-table', system: 'cpt' },
      );

      // A first build, thrown away, lets the import's buffers and the JIT settle, so the heap
      // difference around the measured build is the index alone.
      await buildEditIndex(ctx);
      await buildReferenceIndex(ctx);
      const before = heapUsed();
      const buildStarted = performance.now();
      const index = { edits: await buildEditIndex(ctx), reference: await buildReferenceIndex(ctx) };
      const buildMs = performance.now() - buildStarted;
      const indexBytes = heapUsed() - before;

      // Claims of 1-7 lines (4 on average) drawn from codes that have edits, so pairs hit.
      const claims: Claim[] = [];
      for (let c = 0; c < CLAIMS; c++) {
        const n = 1 + Math.floor(random() * 7);
        const base = Math.floor(random() * codes.length);
        claims.push({
          id: `c${c}`,
          setting: 'practitioner',
          lines: Array.from({ length: n }, () => ({
            code: codes[(base + Math.floor(random() * 40)) % codes.length]!,
            modifiers: random() < 0.3 ? [modifiers[Math.floor(random() * modifiers.length)]!] : [],
            units: 1 + Math.floor(random() * 3),
            dateOfService: DOS,
            diagnoses: [],
            provider: null,
            source: 'generated',
          })),
        });
      }
      const lines = claims.reduce((sum, claim) => sum + claim.lines.length, 0);
      let findings = 0;
      const started = performance.now();
      for (const claim of claims) findings += checkClaim(claim, index).length;
      const engineMs = performance.now() - started;
      // The same claims through the one pipeline the CLI, REST and batch jobs use (its index
      // cache is loaded first, so this measures the streaming loop and the usage counters).
      await drain(checkClaims(ctx, claims.slice(0, 1), { lang: 'en' }));
      const pipelineStarted = performance.now();
      await drain(checkClaims(ctx, claims, { lang: 'en' }));
      const pipelineMs = performance.now() - pipelineStarted;
      // The oracle implements PTP and MUE only: compare it with the engine's same two rules.
      const editsStarted = performance.now();
      for (const claim of claims) checkEdits(claim, index.edits);
      const editsMs = performance.now() - editsStarted;
      const oracleStarted = performance.now();
      for (const claim of claims.slice(0, ORACLE_CLAIMS))
        await oracleFindings(ctx.db, ctx.orgId, claim);
      const oracleMs = performance.now() - oracleStarted;
      const engineRate = Math.round(CLAIMS / (engineMs / 1000));
      const editsRate = Math.round(CLAIMS / (editsMs / 1000));
      const oracleRate = Math.round(ORACLE_CLAIMS / (oracleMs / 1000));
      return {
        name: this.name,
        metrics: [
          { label: 'PTP rows', value: PTP_ROWS },
          { label: 'MUE rows', value: codes.length },
          { label: 'add-on rows', value: addOnLines.length - 1 },
          { label: 'descriptor rows', value: descriptorLines.length - 1 },
          { label: 'index build (edits + reference)', value: seconds(buildMs), unit: 's' },
          {
            label: 'index memory (heap + array buffers, after GC)',
            value: mib(indexBytes),
            unit: 'MiB',
          },
          {
            label: `claims checked (${(lines / CLAIMS).toFixed(2)} lines on average)`,
            value: CLAIMS,
          },
          { label: 'findings', value: findings },
          { label: 'engine claims/s (all eight rules)', value: engineRate },
          { label: 'engine claims/s (PTP + MUE only)', value: editsRate },
          {
            label: 'pipeline claims/s (checkClaims, all rules, usage event)',
            value: Math.round(CLAIMS / (pipelineMs / 1000)),
          },
          { label: `SQL oracle claims/s (PTP + MUE, ${ORACLE_CLAIMS} claims)`, value: oracleRate },
          { label: 'engine / oracle (PTP + MUE)', value: Math.round(editsRate / oracleRate) },
        ],
        checks: [
          atMost('index build', seconds(buildMs), 10, 's'),
          atMost('index memory', mib(indexBytes), 300, 'MiB'),
          atMost('engine time per 50,000 claims', (50_000 / engineRate) * 1000, 1000, 'ms'),
          atMost(
            'oracle/engine speed ratio inverse (x1000)',
            (1000 * oracleRate) / editsRate,
            50,
            '',
          ),
        ],
      };
    } finally {
      await opened.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

await runWhenMain(import.meta.url, checkBench);

async function drain(results: AsyncIterable<unknown>): Promise<void> {
  for await (const result of results) void result;
}
