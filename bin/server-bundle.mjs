// Which code bin/codecard runs: the bundle in dist/server (plain JavaScript made at install by
// scripts/server-bundle.ts, quick to load) while it is current, else the TypeScript sources
// through tsx (someone edited src/ since the install, or never built the bundle).
import { readFileSync, statSync } from 'node:fs';
import { URL } from 'node:url';

/**
 * The bundle's entry URL when every source it was made from is still there and no newer than
 * the bundle, else null (a missing or edited source: the sources are what is true).
 * @param {URL} root the project's directory (a test passes another)
 * @returns {URL | null}
 */
export function currentServerBundle(root = new URL('../', import.meta.url)) {
  const bundleDir = new URL('dist/server/', root);
  const entry = new URL('main.mjs', bundleDir);
  try {
    const builtAt = statSync(entry).mtimeMs;
    const inputs = readFileSync(new URL('inputs.txt', bundleDir), 'utf8').split('\n');
    for (const input of inputs)
      if (input !== '' && statSync(new URL(input, root)).mtimeMs > builtAt) return null;
    return entry;
  } catch {
    return null; // not built, or a source removed
  }
}
