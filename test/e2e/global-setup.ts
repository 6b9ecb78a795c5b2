import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../../src/web/web-build.ts';
import { starterLibraryReady } from '../support/starter-library-ready.ts';
import { e2eAdmin, redeemInvite } from './admin-account.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The session cookie of the first administrator, created through the setup link. */
    adminCookie: string;
  }
}

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/**
 * Builds the app if needed (`npm ci` has built it: the prepare script), starts `codecard serve`
 * on a free port with a fresh store, waits for its starter library, and creates the first
 * administrator through the setup link the server prints.
 */
export async function setup(project: TestProject): Promise<void> {
  await ensureWebBuilt((line) => console.log(line));
  dataDir = mkdtempSync(join(tmpdir(), 'codecard-e2e-'));
  const bin = resolve(import.meta.dirname, '../../bin/codecard');
  const child = spawn(process.execPath, [bin, '--data', join(dataDir, 'store'), 'serve'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', CODECARD_SKIP_WEB_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server = child;
  // The server starts with no user: it prints its address, then the one-time setup link.
  const { url, token } = await new Promise<{ url: string; token: string }>((resolved, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const running = /running at (http:\/\/localhost:\d+)/.exec(output);
      const link = /\/setup#token=([^\s]+)/.exec(output);
      if (running && link) resolved({ url: running[1]!, token: decodeURIComponent(link[1]!) });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  // The server listens first and imports the starter library behind; the tests read it.
  await starterLibraryReady(url);
  project.provide('baseUrl', url);
  project.provide('adminCookie', await redeemInvite(url, token, e2eAdmin));
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
