import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { recordCase } from '../support/case-records.ts';
import { fuzzInput } from './fuzz-inputs.ts';
import { FuzzRunner, type RunOutcome } from './fuzz-runner.ts';
import type { FuzzTarget } from './fuzz-target.ts';

const failuresDir = resolve(import.meta.dirname, '../../../test-results/fuzz');

/** The run's seed: CODECARD_FUZZ_SEED to replay a run, else a fresh one (printed and recorded). */
export const runSeed = (() => {
  const given = process.env.CODECARD_FUZZ_SEED?.trim();
  if (given) return Number(given) >>> 0;
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
})();

const runs = Number(process.env.CODECARD_FUZZ_RUNS ?? 1000);

/** Each input's own seed, from the run's seed, the parser and the input's number. */
export function inputSeed(target: FuzzTarget, index: number): number {
  let h = runSeed ^ 0x811c9dc5;
  for (const ch of target) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (Math.imul(h ^ index, 0x9e3779b1) + index) >>> 0;
}

/**
 * Runs `runs` generated inputs through one parser in a thread: each must parse or end in a
 * CodecardError within `timeoutMs`. A crash, a hang or a dead thread is saved with its seed.
 */
export async function fuzzParser(target: FuzzTarget, timeoutMs: number): Promise<void> {
  const runner = new FuzzRunner();
  const started = performance.now();
  const counts: Record<RunOutcome['kind'], number> = {
    parsed: 0,
    refused: 0,
    crash: 0,
    hang: 0,
    died: 0,
  };
  const failures: string[] = [];
  try {
    // The thread's first start (tsx, parser modules) is not the parser's time.
    await runner.run(fuzzInput(target, 0), 120_000);
    for (let i = 1; i <= runs; i++) {
      const seed = inputSeed(target, i);
      const input = fuzzInput(target, seed);
      const outcome = await runner.run(input, timeoutMs);
      counts[outcome.kind]++;
      if (outcome.kind === 'parsed' || outcome.kind === 'refused') continue;
      mkdirSync(failuresDir, { recursive: true });
      const file = join(failuresDir, `${target}-${seed}.bin`);
      writeFileSync(file, input.bytes);
      writeFileSync(
        `${file}.txt`,
        `run seed ${runSeed}, input ${i}, input seed ${seed}\n${outcome.kind}: ${outcome.detail}\n`,
      );
      failures.push(
        `input ${i} (seed ${seed}): ${outcome.kind}: ${outcome.detail.split('\n')[0]} -> ${file}`,
      );
    }
  } finally {
    await runner.close();
  }
  for (const reason of runner.unhandled)
    failures.push(`unhandled rejection in the parser thread: ${reason}`);
  const seconds = (performance.now() - started) / 1000;
  const summary = `${runs} inputs: ${counts.parsed} parsed, ${counts.refused} refused (CodecardError), ${counts.crash} crashes, ${counts.hang} hangs (> ${timeoutMs} ms), ${counts.died} thread deaths`;
  const replay = `CODECARD_FUZZ_SEED=${runSeed} npm run test:hostile -- fuzz`;
  recordCase({
    group: 'fuzz',
    name: target,
    passed: failures.length === 0,
    maxLiveMs: null,
    liveProbes: 0,
    liveBad: 0,
    peakRssBytes: null,
    seconds,
    notes: [summary, `seed ${runSeed}`],
    failures: failures.slice(0, 10),
  });
  console.info(
    `[fuzz] ${target}: ${summary}, ${seconds.toFixed(1)} s; seed ${runSeed}` +
      (failures.length ? `\n  replay: ${replay}\n  - ${failures.join('\n  - ')}` : ''),
  );
  expect(failures, `fuzz ${target} (replay: ${replay})`).toEqual([]);
}
