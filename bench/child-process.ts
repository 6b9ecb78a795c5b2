import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const codecardBin = resolve(import.meta.dirname, '../bin/codecard');
export const sharedData = resolve(import.meta.dirname, '../../shared/data');

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size of the CLI process, in bytes. */
  peakRssBytes: number;
  /** User + system CPU seconds of the child (GNU time only): comparable across machine load. */
  cpuSeconds: number | null;
  rssSource: '/usr/bin/time -v' | '/proc VmHWM';
}

const TIME = '/usr/bin/time';

function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CODECARD_DATA_DIR;
  return env;
}

/**
 * Runs `node bin/codecard ARGS` in a child process and measures its wall time and peak RSS:
 * through GNU time when installed, else by polling the child's VmHWM.
 */
export async function runCodecardMeasured(args: readonly string[]): Promise<MeasuredRun> {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-v', process.execPath, codecardBin, ...args] : [codecardBin, ...args];
  const started = performance.now();
  const child = spawn(command, argv, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let polledKb = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        polledKb = Math.max(polledKb, vmHwmKb(child.pid));
      }, 20);
  const code = await new Promise<number | null>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolvePromise(exitCode));
  });
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  let peakKb = polledKb;
  let cpuSeconds: number | null = null;
  if (useTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    peakKb = match ? Number(match[1]) : 0;
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    if (user && system) cpuSeconds = Number(user[1]) + Number(system[1]);
    stderr = stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '');
  }
  return {
    code,
    stdout,
    stderr,
    wallMs,
    peakRssBytes: peakKb * 1024,
    cpuSeconds,
    rssSource: useTime ? '/usr/bin/time -v' : '/proc VmHWM',
  };
}

function vmHwmKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface ImportJsonResult {
  file: string;
  status?: string;
  rowsRead?: number;
  rowsStored?: number;
  rowsSkipped?: number;
  durationMs?: number;
  error?: { code: string; message: string };
}

/** `codecard --data DIR import FILES --json`, measured; throws when any file failed. */
export async function importMeasured(
  dataDir: string,
  files: readonly string[],
  extra: readonly string[] = [],
): Promise<{ run: MeasuredRun; results: ImportJsonResult[] }> {
  const run = await runCodecardMeasured([
    '--data',
    dataDir,
    'import',
    ...files,
    ...extra,
    '--json',
  ]);
  let results: ImportJsonResult[] = [];
  try {
    results = (JSON.parse(run.stdout) as { results: ImportJsonResult[] }).results;
  } catch {
    throw new Error(
      `codecard import printed no JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`,
    );
  }
  const failed = results.filter((r) => r.status !== 'imported' && r.status !== 'unchanged');
  if (run.code !== 0 || failed.length > 0) {
    throw new Error(
      `codecard import failed (exit ${run.code}): ${JSON.stringify(failed)}\n${run.stderr}`,
    );
  }
  return { run, results };
}
