import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { hasPGliteTemplate, pgliteTemplateDir } from './pglite-template.ts';

// Plain JavaScript, so the worker needs no TypeScript loader.
const initdbScript = `
const { workerData } = require('node:worker_threads');
import(workerData.pgliteUrl)
  .then(async ({ PGlite }) => (await PGlite.create({ dataDir: workerData.dataDir })).close())
  .catch((error) => { throw error; });
`;

/**
 * Creates a new PGlite data directory: a copy of the migrated template made at install
 * (pglite-template.ts) when there is one, which takes a fraction of a second, else initdb.
 */
export async function initPGliteDirectory(pgdata: string): Promise<void> {
  if (existsSync(join(pgdata, 'PG_VERSION'))) return;
  // cpSync, not fs/promises cp: the promise version walks the ~1,100 files in JavaScript,
  // one round trip each, and took 0.6 s of a first start against 0.1 s (measured, 40 MB).
  if (hasPGliteTemplate()) cpSync(pgliteTemplateDir, pgdata, { recursive: true });
  else await runInitdb(pgdata);
}

/**
 * initdb in a worker thread that then exits. It runs in its own WASM instance whose memory the
 * process keeps once grown (~500 MB measured); done in a worker, that memory goes away with the
 * worker instead of sitting under every later import.
 */
async function runInitdb(pgdata: string): Promise<void> {
  const worker = new Worker(initdbScript, {
    eval: true,
    // Not the parent's flags: `--input-type=module` (a `node -e` parent) would make this
    // CommonJS script an ES module, and `--import tsx` would load a compiler it does not need.
    execArgv: [],
    workerData: { dataDir: pgdata, pgliteUrl: import.meta.resolve('@electric-sql/pglite') },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb worker exited with ${code}`)),
    );
  });
}
