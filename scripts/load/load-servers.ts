import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface RunningServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '../..');

/**
 * `codecard serve` on a free port with the library's environment; resolves once it prints its
 * address. Rate limits are lifted (one API key makes every request) and request logs are off.
 */
export async function startServer(env: NodeJS.ProcessEnv, label: string): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'serve', '--port', '0'],
    {
      cwd: root,
      env: {
        ...env,
        CODECARD_SKIP_WEB_BUILD: '1',
        CODECARD_RATE_LIMIT_PER_MINUTE: '100000000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    process.stderr.write(`[${label}] ${text}`);
  });
  let seen = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start in 120 s`)), 120_000);
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before listening`)));
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      seen += text;
      const match = /running at http:\/\/localhost:(\d+)/.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve(`http://127.0.0.1:${match[1]}`);
    });
  });
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
