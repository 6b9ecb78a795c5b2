import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePtpFile } from '../bench/generate-ptp.ts';
import type { DocumentSummary } from '../src/library/library.service.ts';
import { runCliJson, startCli } from './kill-cli.ts';
import { readStoreState, type StoreState } from './kill-store-state.ts';

/**
 * Invariant 5: SIGKILL at any moment (PGlite start-up, parsing, a chunk's COPY, the final
 * transaction) leaves the library exactly as it was: a staged import's version is invisible
 * until its last transaction commits, and the next open deletes what it left. The lock left by
 * the dead process is taken over by the next one.
 */

const BIG_ROWS = 300_000;
const KILLS = 10;
const STARTUP_KILLS = 3;
const LOOKUP = '62323';
const SEARCH = 'epidural injection';

interface ImportJson {
  results: {
    file: string;
    status?: string;
    rowsStored?: number;
    durationMs?: number;
    document?: DocumentSummary;
    error?: unknown;
  }[];
}

let root = '';
let dataDir = '';
let pristineDir = '';
let bigFile = '';
let baseline: StoreState;
/** Calibrated from one complete run: exit time, when the lock appeared, the import's own time. */
let timing = { total: 0, lockAt: 0, importMs: 0 };

const stateOptions = (digests: boolean) => ({ digests, lookupCode: LOOKUP, searchText: SEARCH });

async function restoreFromPristine(): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await cp(pristineDir, dataDir, { recursive: true });
}

function startingPtpCsv(): string {
  const lines = ['column_1,column_2,modifier_indicator'];
  const column1 = ['62321', '62322', '62323', '64483', '64484'];
  for (const c1 of column1) {
    for (let k = 0; k < 10; k++)
      lines.push(`${c1},${String(20550 + k * 37)},${k % 3 === 0 ? 0 : 1}`);
  }
  return lines.join('\n') + '\n';
}

// Paraphrased descriptors (no CPT text): enough for lookup and search to have something to find.
const startingCodeTable = [
  'code,description',
  '62321,"Injection into the epidural space of the cervical or thoracic spine, with imaging guidance"',
  '62322,"Injection into the lumbar or sacral epidural space, without imaging guidance"',
  '62323,"Injection into the lumbar or sacral epidural space, with imaging guidance"',
  '64483,"Transforaminal epidural injection, lumbar or sacral, single level, with imaging"',
  '64484,"Transforaminal epidural injection, lumbar or sacral, each additional level"',
].join('\n');

const startingMarkdown = `# Lumbar injection guidance

Epidural injections 62321-62323 are reported once per session. Transforaminal injections use
64483 for the first level and 64484 for each additional level.

## Documentation

Record the level, the side and the imaging used. Radiculopathy (M54.16) supports medical necessity.
`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'codecard-kill-'));
  dataDir = join(root, 'data');
  pristineDir = join(root, 'pristine');
  await mkdir(join(root, 'files'));
  await writeFile(join(root, 'files', 'ccioph-sample.csv'), startingPtpCsv());
  await writeFile(join(root, 'files', 'epidural-codes.csv'), startingCodeTable);
  await writeFile(join(root, 'files', 'lumbar-guidance.md'), startingMarkdown);
  bigFile = join(root, 'files', 'ccipra-v329r0-f1.txt');
  const generated = await generatePtpFile(bigFile, { rows: BIG_ROWS });
  expect(generated.rows).toBe(BIG_ROWS);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a killed import leaves the library exactly as it was', () => {
  test('a starting library is imported through the CLI', async () => {
    const files = ['ccioph-sample.csv', 'epidural-codes.csv', 'lumbar-guidance.md'];
    const { json } = await runCliJson<ImportJson>([
      '--data',
      dataDir,
      'import',
      ...files.map((f) => join(root, 'files', f)),
      '--setting',
      'hospital',
    ]);
    expect(json.results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const library = await runCliJson<{ documents: DocumentSummary[] }>([
      '--data',
      dataDir,
      'library',
    ]);
    expect(library.json.documents).toHaveLength(3);
    // The CLI has exited (one process per directory); read everything in this process.
    baseline = await readStoreState(dataDir, stateOptions(true));
    expect(baseline.documents).toEqual(library.json.documents);
    expect(baseline.counts.ptp_edits).toBe(50);
    expect(baseline.counts.code_descriptors).toBe(5);
    expect(baseline.counts.passages).toBeGreaterThan(0);
    expect(baseline.counts.code_mentions).toBeGreaterThan(0);
    expect(baseline.facts.lookup).toMatchObject({ code: LOOKUP });
    expect((baseline.facts.search as unknown[]).length).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'codecard.lock'))).toBe(false);
    await cp(dataDir, pristineDir, { recursive: true });
  }, 120_000);

  test('the big import completes in a copy of the library (calibration)', async () => {
    const copy = join(root, 'calibration');
    await cp(pristineDir, copy, { recursive: true });
    const running = startCli(['--data', copy, 'import', bigFile, '--json']);
    // The lock file appears once modules are loaded, just before PGlite starts.
    let lockAt = 0;
    while (running.child.exitCode === null && running.child.signalCode === null) {
      if (lockAt === 0 && existsSync(join(copy, 'codecard.lock'))) {
        lockAt = performance.now() - running.started;
      }
      await sleep(10);
    }
    const run = await running.done;
    expect(run.code, run.stderr).toBe(0);
    const result = (JSON.parse(run.stdout) as ImportJson).results[0];
    expect(result?.status).toBe('imported');
    expect(result?.rowsStored).toBe(BIG_ROWS);
    timing = { total: run.ms, lockAt, importMs: result?.durationMs ?? 0 };
    await rm(copy, { recursive: true, force: true });
  }, 120_000);

  test(`${KILLS} SIGKILLs at random moments change nothing`, async () => {
    expect(timing.total).toBeGreaterThan(0);
    // Phases of a child: module loading, then (lock taken) PGlite start-up and migrations
    // check, then the import proper (read, hash, parse + COPY in chunks, final commit).
    const importStart = Math.max(timing.lockAt + 200, timing.total - timing.importMs);
    const lockAt = Math.min(timing.lockAt || importStart / 2, importStart - 200);
    const window = timing.total - importStart;
    const stratum = (from: number, to: number, i: number, n: number) =>
      from + ((to - from) * (i + Math.random())) / n;
    const delays = [stratum(200, lockAt, 0, 1)];
    for (let i = 0; i < STARTUP_KILLS - 1; i++) {
      delays.push(stratum(lockAt, importStart, i, STARTUP_KILLS - 1));
    }
    const importKills = KILLS - STARTUP_KILLS;
    for (let i = 0; i < importKills; i++) {
      delays.push(stratum(importStart, importStart + 0.8 * window, i, importKills));
    }
    const phaseAt = (delay: number) => {
      if (delay < lockAt) return 'module loading';
      if (delay < importStart) return 'PGlite start-up';
      const share = (delay - importStart) / timing.importMs;
      return `import ${Math.round(share * 100)}%: parse + COPY chunks`;
    };
    const log: string[] = [];
    let kills = 0;
    let staleLocks = 0;
    let attempts = 0;
    while (delays.length > 0 && attempts < KILLS + 6) {
      attempts++;
      const delay = Math.round(delays.shift()!);
      const running = startCli(['--data', dataDir, 'import', bigFile, '--json']);
      const pid = running.child.pid;
      await sleep(Math.max(0, delay - (performance.now() - running.started)));
      if (running.child.exitCode !== null || running.stdout() !== '') {
        // It committed before the kill (a slow calibration): start over from the copy.
        const finished = await running.done;
        expect(finished.code, `the import failed on its own:\n${finished.stderr}`).toBe(0);
        log.push(`${delay} ms: completed before the kill; retried earlier`);
        await restoreFromPristine();
        delays.push(delay * 0.8);
        continue;
      }
      running.child.kill('SIGKILL');
      const run = await running.done;
      expect(run.signal).toBe('SIGKILL');
      kills++;
      const lockPath = join(dataDir, 'codecard.lock');
      const lockOwner = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null;
      if (lockOwner !== null) {
        expect(lockOwner).toBe(String(pid));
        staleLocks++;
      }
      log.push(
        `${delay} ms (${phaseAt(delay)}): ${lockOwner ? 'stale lock taken over' : 'no lock yet'}`,
      );
      const state = await readStoreState(dataDir, stateOptions(true));
      expect(state).toEqual(baseline);
      expect(existsSync(lockPath)).toBe(false);
    }
    console.info(
      `kill test: calibrated run ${Math.round(timing.total)} ms (lock at ${Math.round(timing.lockAt)} ms, ` +
        `import ${timing.importMs} ms); ` +
        `${kills} kills, ${staleLocks} stale locks taken over\n  ${log.join('\n  ')}`,
    );
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(staleLocks).toBeGreaterThan(0);
  }, 300_000);

  test('the import then runs to completion on the same store', async () => {
    const run = await runCliJson<ImportJson>(['--data', dataDir, 'import', bigFile]);
    const result = run.json.results[0];
    expect(result?.status).toBe('imported');
    expect(result?.rowsStored).toBe(BIG_ROWS);
    const state = await readStoreState(dataDir, stateOptions(false));
    expect(state.counts).toEqual({
      ...baseline.counts,
      documents: baseline.counts.documents! + 1,
      ptp_edits: baseline.counts.ptp_edits! + BIG_ROWS,
      edit_scopes: baseline.counts.edit_scopes! + 1,
    });
    expect(state.indexes).toEqual(baseline.indexes);
    expect(state.facts).toEqual(baseline.facts);
    const added = state.documents.find((d) => d.fileName === 'ccipra-v329r0-f1.txt');
    expect(added).toMatchObject({
      kind: 'ncci-ptp',
      setting: 'practitioner',
      rowsStored: BIG_ROWS,
    });
    expect(state.documents.filter((d) => d !== added)).toEqual(baseline.documents);
  }, 120_000);
});
