import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The web app's sources and its build output, beside the server code. */
export const webRoot = new URL('../../web/', import.meta.url).pathname;
export const webDist = join(webRoot, 'dist');

/** The newest modification time among the app's sources (web/src, index.html, vite config). */
async function newestSource(): Promise<number> {
  let newest = 0;
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path);
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) await visit(join(path, entry));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of ['src', 'index.html', 'vite.config.ts']) await visit(join(webRoot, path));
  return newest;
}

async function builtAt(): Promise<number | null> {
  try {
    return (await stat(join(webDist, 'index.html'))).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Builds the web app when web/dist is missing or older than its sources, so `npm start` on a
 * fresh clone serves the current app without a separate build step. Vite is imported only
 * then: a server that finds a fresh build does not load the bundler.
 */
export async function ensureWebBuilt(log: (line: string) => void = () => {}): Promise<void> {
  const built = await builtAt();
  if (built !== null && built >= (await newestSource())) return;
  log('Building the web app (web/dist)…');
  const started = performance.now();
  const { build } = await import('vite');
  // A build started from a test runner (NODE_ENV=test) would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(webRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  log(`Web app built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
