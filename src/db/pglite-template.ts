import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package does not export its package.json: it is read beside its entry point.
const pgliteEntry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
const pglitePackage = join(
  pgliteEntry.slice(0, pgliteEntry.lastIndexOf('@electric-sql/pglite')),
  '@electric-sql/pglite/package.json',
);
const pgliteVersion = (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string })
  .version;

/**
 * A new, empty PGlite data directory made once at install (`npm ci` runs `prepare`), which a
 * first start copies instead of running initdb (seconds of WASM work). It lives under
 * node_modules/.cache, so a new install of PGlite (its version is in the name) gets its own.
 */
export const pgliteTemplateDir = new URL(
  `../../node_modules/.cache/codecard/pgdata-${pgliteVersion}`,
  import.meta.url,
).pathname;

/** Makes the template (initdb through `init`) unless it is there already. */
export async function ensurePGliteTemplate(init: (pgdata: string) => Promise<void>): Promise<void> {
  if (existsSync(join(pgliteTemplateDir, 'PG_VERSION'))) return;
  const making = `${pgliteTemplateDir}.${process.pid}`;
  await rm(making, { recursive: true, force: true });
  await mkdir(join(making, '..'), { recursive: true });
  await init(making);
  await rm(pgliteTemplateDir, { recursive: true, force: true });
  await rename(making, pgliteTemplateDir);
}
