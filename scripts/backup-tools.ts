import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const pgBinDirs = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'];

/** pg_dump / pg_restore: PostgreSQL 15's own first (the server's major), else from PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of pgBinDirs) if (existsSync(join(dir, name))) return join(dir, name);
  return name;
}

/**
 * A libpq connection for a child tool: the URL without its password, which goes in PGPASSWORD
 * (a password in argv shows in `ps`).
 */
export function libpqTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return {
    url: url.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Runs a program to completion; rejects with its stderr when it exits non-zero. */
export function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} exited ${code}: ${stderr.trim().slice(0, 2000)}`)),
    );
  });
}

/** One connection for a few statements (checks, CREATE/DROP DATABASE), closed whatever happens. */
export async function withPgClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
