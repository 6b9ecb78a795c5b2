import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package does not export its package.json: it is read beside its entry point.
const pgliteEntry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
const pglitePackage = join(
  pgliteEntry.slice(0, pgliteEntry.lastIndexOf('@electric-sql/pglite')),
  '@electric-sql/pglite/package.json',
);
const pgliteVersion = (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string })
  .version;

/** The migrations' source, hashed: a template made before a migration changed is not used. */
function migrationsFingerprint(): string {
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort())
    hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 12);
}

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/codecard/', import.meta.url));

/**
 * A new embedded database with every migration applied, made once at install (`npm ci` runs
 * `prepare`), which a first start copies instead of running initdb and the migrations (seconds
 * of WASM work). It lives under node_modules/.cache, named by the PGlite version and the
 * migrations' source, so a new install or a changed migration never gets a stale one (a first
 * start without a matching template makes its store the slow way).
 */
export const pgliteTemplateDir = join(
  cacheDir,
  `pgdata-${pgliteVersion}-${migrationsFingerprint()}`,
);

/** Whether a template for this PGlite and these migrations is there. */
export function hasPGliteTemplate(): boolean {
  return existsSync(join(pgliteTemplateDir, 'PG_VERSION'));
}

/**
 * Makes the template unless it is there: `makeStore` creates and migrates a store in the given
 * directory (its data directory is `pgdata` inside). Templates of other versions are removed.
 */
export async function ensurePGliteTemplate(
  makeStore: (dataDir: string) => Promise<void>,
): Promise<void> {
  if (hasPGliteTemplate()) return;
  await mkdir(cacheDir, { recursive: true });
  const current = basename(pgliteTemplateDir);
  for (const name of await readdir(cacheDir))
    if (name.startsWith('pgdata-') && !name.startsWith(current))
      await rm(join(cacheDir, name), { recursive: true, force: true });
  const store = `${pgliteTemplateDir}.${process.pid}`;
  try {
    await makeStore(store);
    // Another process may have put its own in place meanwhile: then that one is used.
    await rename(join(store, 'pgdata'), pgliteTemplateDir).catch((error: unknown) => {
      if (!hasPGliteTemplate()) throw error;
    });
  } finally {
    await rm(store, { recursive: true, force: true });
  }
}
