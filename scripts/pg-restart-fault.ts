// The real server through a PostgreSQL restart under load: 20 clients check claims and read
// cards for ~20 s while `pg_ctlcluster 15 main restart` runs in the middle. Passes when the
// server never exits, no reply is a 500 (or INTERNAL/UNEXPECTED), every failed request is a 503
// DATABASE_UNAVAILABLE with Retry-After, and afterwards every kind of request answers 200.
// Usage: TEST_DATABASE_URL=postgres://… npm run test:faults (needs permission to restart the
// cluster: root, or passwordless sudo; otherwise it says so and skips).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { sql } from 'kysely';
import type { OpenDatabase } from '../src/db/database.ts';
import { openTestDatabase } from '../src/db/test-databases.ts';
import { testApiKey } from '../src/http/test-app.ts';
import { starterLibraryReady } from '../test/support/starter-library-ready.ts';
import { testContext } from '../test/support/test-context.ts';

const CLIENTS = 20;
const RUN_MS = 20_000;
const RESTART_AT_MS = 7_000;
const REQUEST_TIMEOUT_MS = 15_000;

type Kind = 'check' | 'card';
interface Outcome {
  kind: Kind;
  status: number | 'network-error';
  code?: string;
  retryAfter: string | null;
}

function skip(reason: string): never {
  process.stdout.write(`pg-restart-fault: skipped: ${reason}\n`);
  process.exit(0);
}

/** How this machine may restart the cluster: as root directly, else through sudo without a password. */
function restartCommand(): string[] | null {
  const direct = ['pg_ctlcluster', '15', 'main'];
  if (spawnSync('pg_ctlcluster', ['--help']).error) return null;
  if (process.getuid?.() === 0) return direct;
  if (spawnSync('sudo', ['-n', 'true']).status === 0) return ['sudo', '-n', ...direct];
  return null;
}

/**
 * A fresh database (dropped by its close) with an admin API key; the server loads the starter
 * library into it.
 */
async function prepare(
  serverUrl: string,
): Promise<{ url: string; opened: OpenDatabase; key: string }> {
  const opened = await openTestDatabase('postgres');
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
    opened.db,
  );
  const url = new URL(serverUrl);
  url.pathname = `/${rows[0]!.name}`;
  const key = await testApiKey(testContext(opened), 'admin', 'faults@codecard.test');
  return { url: url.toString(), opened, key };
}

async function startServer(databaseUrl: string): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'serve', '--port', '0'],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        CODECARD_SKIP_WEB_BUILD: '1',
        CODECARD_RATE_LIMIT_PER_MINUTE: '1000000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (text: string) => process.stderr.write(`[server] ${text}`));
  server.stdout.setEncoding('utf8');
  let seen = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 180 s')), 180_000);
    server.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before it started`)),
    );
    server.stdout.on('data', (text: string) => {
      seen += text;
      const match = /running at (http:\/\/localhost:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        // The request log is not read; it is drained so the server never blocks on it.
        server.stdout.removeAllListeners('data');
        server.stdout.resume();
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
  });
  return { server, base };
}

async function request(base: string, key: string, kind: Kind, n: number): Promise<Outcome> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const init: RequestInit =
    kind === 'check'
      ? {
          method: 'POST',
          headers,
          body: JSON.stringify({
            claims: [
              {
                id: `C${n}`,
                dateOfService: '2026-03-02',
                lines: [{ code: '62264' }, { code: '62263' }],
              },
            ],
          }),
        }
      : { headers };
  const url =
    kind === 'check' ? `${base}/api/checks` : `${base}/api/cards/cpt/62264?dos=2026-03-02`;
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    return {
      kind,
      status: response.status,
      ...(body.error?.code ? { code: body.error.code } : {}),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch {
    return { kind, status: 'network-error', retryAfter: null };
  }
}

async function main(): Promise<number> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) skip('TEST_DATABASE_URL is not set');
  const restart = restartCommand();
  if (!restart) skip('no permission to run pg_ctlcluster 15 main restart (not root, no sudo -n)');
  const { url, opened, key } = await prepare(serverUrl);
  const { server, base } = await startServer(url);
  // The server imports the starter library after it listens; the requests read it.
  await starterLibraryReady(base);
  const state: { exited: string | null } = { exited: null };
  server.once('exit', (code, signal) => (state.exited = `code ${code}, signal ${signal}`));
  const outcomes: Outcome[] = [];
  const problems: string[] = [];
  try {
    const started = Date.now();
    let n = 0;
    const client = async (index: number) => {
      while (Date.now() - started < RUN_MS) {
        const kind: Kind = (n + index) % 2 === 0 ? 'check' : 'card';
        outcomes.push(await request(base, key, kind, n++));
      }
    };
    const restarted = (async () => {
      await new Promise((resolve) => setTimeout(resolve, RESTART_AT_MS));
      process.stdout.write(`restarting PostgreSQL: ${[...restart, 'restart'].join(' ')}\n`);
      const child = spawn(restart[0]!, [...restart.slice(1), 'restart'], { stdio: 'inherit' });
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0) problems.push(`the restart command exited ${code}`);
      process.stdout.write(
        `PostgreSQL restarted after ${Date.now() - started - RESTART_AT_MS} ms\n`,
      );
    })();
    await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), restarted]);
    // After the outage: every kind of request answers 200 again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const kind of ['check', 'card'] as const) {
      const final = await request(base, key, kind, n++);
      if (final.status !== 200)
        problems.push(`after the restart, ${kind} answered ${final.status} ${final.code ?? ''}`);
    }
  } finally {
    if (state.exited) problems.push(`the server exited during the run (${state.exited})`);
    server.kill('SIGTERM');
    if (server.exitCode === null) await once(server, 'exit');
    await opened
      .close()
      .catch((error: unknown) =>
        process.stderr.write(`could not drop the test database: ${String(error)}\n`),
      );
  }
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const label = `${o.kind} ${o.status}${o.code ? ` ${o.code}` : ''}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
    if (o.status === 200) continue;
    if (o.status === 503 && o.code === 'DATABASE_UNAVAILABLE' && o.retryAfter) continue;
    problems.push(`${o.kind} answered ${o.status} ${o.code ?? ''} (retry-after: ${o.retryAfter})`);
  }
  process.stdout.write(
    `${outcomes.length} requests by ${CLIENTS} clients over ${RUN_MS / 1000} s:\n`,
  );
  for (const [label, count] of [...counts].sort()) process.stdout.write(`  ${label}: ${count}\n`);
  const outage = outcomes.filter((o) => o.status === 503).length;
  if (outage === 0) process.stdout.write('note: no request fell inside the outage\n');
  const unique = [...new Set(problems)];
  for (const problem of unique.slice(0, 20)) process.stdout.write(`FAIL: ${problem}\n`);
  process.stdout.write(
    `pg-restart-fault: ${unique.length === 0 ? 1 : 0} passed, ${unique.length === 0 ? 0 : 1} failed\n`,
  );
  return unique.length === 0 ? 0 : 1;
}

process.exitCode = await main();
