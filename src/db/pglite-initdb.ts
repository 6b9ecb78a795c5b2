import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

// Plain JavaScript, so the worker needs no TypeScript loader.
const initdbScript = `
const { workerData } = require('node:worker_threads');
import(workerData.pgliteUrl)
  .then(async ({ PGlite }) => (await PGlite.create({ dataDir: workerData.dataDir })).close())
  .catch((error) => { throw error; });
`;

/**
 * Creates a new PGlite data directory in a worker thread that then exits. initdb runs in its own
 * WASM instance whose memory the process keeps once grown (~500 MB measured); done in a worker,
 * that memory goes away with the worker instead of sitting under every later import.
 */
export async function initPGliteDirectory(pgdata: string): Promise<void> {
  if (existsSync(join(pgdata, 'PG_VERSION'))) return;
  const worker = new Worker(initdbScript, {
    eval: true,
    workerData: { dataDir: pgdata, pgliteUrl: import.meta.resolve('@electric-sql/pglite') },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb worker exited with ${code}`)),
    );
  });
}
