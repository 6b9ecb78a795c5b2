import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The real CLI entry; spawned with `node` directly so the child's pid is the importing process. */
export const codecardBin = resolve(import.meta.dirname, '../bin/codecard');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment of a CLI child: never a PostgreSQL server or another data directory. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CODECARD_DATA_DIR;
  return env;
}

export interface RunningCli {
  child: ChildProcess;
  started: number;
  /** Everything written to stdout so far (the import prints only after it has committed). */
  stdout(): string;
  done: Promise<CliRun>;
}

export function startCli(args: readonly string[]): RunningCli {
  const started = performance.now();
  const child = spawn(process.execPath, [codecardBin, ...args], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) =>
      resolvePromise({ code, signal, stdout, stderr, ms: performance.now() - started }),
    );
  });
  return { child, started, stdout: () => stdout, done };
}

export async function runCli(args: readonly string[]): Promise<CliRun> {
  return startCli(args).done;
}

/** Runs the CLI and parses its `--json` output, failing loudly on a non-zero exit. */
export async function runCliJson<T>(args: readonly string[]): Promise<{ json: T; ms: number }> {
  const run = await runCli([...args, '--json']);
  if (run.code !== 0) {
    throw new Error(
      `codecard ${args.join(' ')} exited ${run.code ?? run.signal}:\n${run.stdout}\n${run.stderr}`,
    );
  }
  return { json: JSON.parse(run.stdout) as T, ms: run.ms };
}
