import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export interface CodecardProcess {
  name: string;
  child: ChildProcess;
  /** serve: where it listens; worker: null. */
  base: string | null;
  /** Everything it printed (for a failure's message). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `codecard serve` or `codecard worker` as its own process (as an operator would) and
 * resolves once it says it runs: serve's "running at …", the worker's "worker is running jobs".
 */
export async function startCodecard(
  name: string,
  command: 'serve' | 'worker',
  env: Record<string, string>,
): Promise<CodecardProcess> {
  const args = [
    '--import',
    'tsx',
    'src/main.ts',
    command,
    ...(command === 'serve' ? ['--port', '0'] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      CODECARD_SKIP_WEB_BUILD: '1',
      CODECARD_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (text: string) => (printed += text));
  child.stderr.on('data', (text: string) => (printed += text));
  const ready =
    command === 'serve' ? /running at (http:\/\/localhost:\d+)/ : /worker is running jobs/;
  const base = await new Promise<string | null>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${name} did not start in 120 s:\n${printed}`)),
      120_000,
    );
    child.once('exit', (code) =>
      fail(new Error(`${name} exited (${code}) before it started:\n${printed}`)),
    );
    const look = () => {
      const match = ready.exec(printed);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      done(match[1]?.replace('localhost', '127.0.0.1') ?? null);
    };
    child.stdout.on('data', look);
  });
  return {
    name,
    child,
    base,
    output: () => printed,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
