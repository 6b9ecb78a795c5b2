import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessionHeaders } from '../../e2e/admin-account.ts';

const root = resolve(import.meta.dirname, '../../..');
const KEEP_OUTPUT = 16_384;

/** Environment of a hostile-tier server: the embedded store, quiet logs, no web build. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    CODECARD_SKIP_WEB_BUILD: '1',
    // Hundreds of requests from one caller are the point here, not abuse.
    CODECARD_RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.CODECARD_DATA_DIR;
  return env;
}

/**
 * The real server as a child process (`node --import tsx src/main.ts --data DIR serve`) on a
 * free port, over a store copied from the tier's template (starter library and an administrator
 * already there). It can be killed and started again on the same store.
 */
export class HostileServer {
  baseUrl = '';
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly dir: string,
    readonly cookie: string,
    private readonly env: Record<string, string>,
  ) {}

  /** A server over a copy of the template store (`template`: the store and its admin cookie). */
  static async fromTemplate(
    template: { dir: string; cookie: string },
    env: Record<string, string> = {},
  ): Promise<HostileServer> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-hostile-'));
    await cp(template.dir, join(dir, 'store'), { recursive: true });
    const server = new HostileServer(dir, template.cookie, env);
    await server.start();
    return server;
  }

  /** Starts the server (on a store with no administrator it also prints the setup link). */
  static async fresh(dir: string): Promise<{ server: HostileServer; setupToken: string | null }> {
    const server = new HostileServer(dir, '', {});
    const setupToken = await server.start();
    return { server, setupToken };
  }

  get store(): string {
    return join(this.dir, 'store');
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error('the server is not running');
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the server wrote (stdout and stderr), for failure messages. */
  lastOutput(): string {
    return this.output.slice(-2000);
  }

  async start(): Promise<string | null> {
    if (this.alive) throw new Error('the server is already running');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/main.ts'), '--data', this.store, 'serve'],
      { cwd: root, env: serverEnv(this.env), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    this.output = '';
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-KEEP_OUTPUT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const started = performance.now();
    // The setup link, when there is one, is printed right after the address.
    while (performance.now() - started < 180_000) {
      const running = /running at (http:\/\/localhost:\d+)/.exec(this.output);
      if (running) {
        this.baseUrl = running[1]!;
        await sleep(300);
        const link = /\/setup#token=(\S+)/.exec(this.output);
        return link ? decodeURIComponent(link[1]!) : null;
      }
      if (!this.alive) throw new Error(`the server exited at start:\n${this.lastOutput()}`);
      await sleep(100);
    }
    throw new Error(`the server did not start within 3 minutes:\n${this.lastOutput()}`);
  }

  /** Ends the process with `signal` and waits for it to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 60_000): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    const gone = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!gone) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Starts the server again if a case killed it (or it died). */
  async ensureRunning(): Promise<boolean> {
    if (this.alive) return false;
    await this.start();
    return true;
  }

  async close(): Promise<void> {
    await this.kill('SIGTERM');
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Headers of the signed-in administrator, as the same-origin web app would send them. */
  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...sessionHeaders(this.baseUrl, this.cookie), ...extra };
  }

  /** A request as the administrator; a network failure is an answer with status 0. */
  async request(
    path: string,
    init: RequestInit & { timeoutMs?: number } = {},
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const { timeoutMs = 600_000, ...rest } = init;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        ...rest,
        headers: { ...this.headers(), ...(rest.headers as Record<string, string> | undefined) },
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      return { status: 0, headers: new Headers(), text: String(error) };
    }
  }

  async json<T>(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<T> {
    const answer = await this.request(path, init);
    if (answer.status !== 200)
      throw new Error(`${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
    return JSON.parse(answer.text) as T;
  }
}
