import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codecardBin, sharedData } from '../../bench/child-process.ts';
import type { DatabaseTarget } from '../../src/config/database-target.ts';
import { openDatabase } from '../../src/db/database.ts';
import { testApiKey } from '../../src/http/test-app.ts';
import { testContext } from '../../test/support/test-context.ts';
import { withPgClient } from '../backup-tools.ts';

/** Real CMS rows read in place: the hospital PTP spine subset (2,812 edits) and its MUEs. */
export const realFiles = [
  join(sharedData, 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv'),
  join(sharedData, 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv'),
];

export interface LoadLibrary {
  target: DatabaseTarget;
  /** The environment a server (or CLI) on this library runs with. */
  env: NodeJS.ProcessEnv;
  /** A coder's API key (Authorization: Bearer). */
  apiKey: string;
  /** PostgreSQL: the server and the database made for this run (null: embedded). */
  database: { serverUrl: string; name: string } | null;
  drop(): Promise<void>;
}

/**
 * A fresh library for one run: an embedded data directory, or a new database on the server.
 * The starter library and the real files go in through the CLI, as an administrator would load
 * them; the API key is made in the database before any server holds it.
 */
export async function prepareLibrary(serverUrl: string | null): Promise<LoadLibrary> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CODECARD_DATA_DIR;
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  let database: LoadLibrary['database'] = null;
  if (serverUrl) {
    const name = `codecard_load_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    target = { kind: 'postgres', url: url.toString() };
    env.DATABASE_URL = target.url;
    database = { serverUrl, name };
    drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'codecard-load-'));
    target = { kind: 'pglite', dataDir };
    env.CODECARD_DATA_DIR = dataDir;
    drop = () => rm(dataDir, { recursive: true, force: true });
  }
  await codecard(env, ['samples', 'load']);
  await codecard(env, ['import', ...realFiles]);
  const opened = await openDatabase(target);
  try {
    const apiKey = await testApiKey(testContext(opened), 'coder', 'load@codecard.test');
    return { target, env, apiKey, database, drop };
  } finally {
    await opened.close();
  }
}

function codecard(env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [codecardBin, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`codecard ${args[0]} exited ${code}: ${stderr}`)),
    );
  });
}

// The database name is generated here from random hex, never from input.
async function adminQuery(url: string, text: string): Promise<void> {
  await withPgClient(url, (client) => client.query(text));
}
