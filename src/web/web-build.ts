import { spawn } from 'node:child_process';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

/** web/dist is missing or older than the app's sources (someone edited web/src). */
export async function webBuildStale(): Promise<boolean> {
  const built = await builtAt();
  return built === null || built < (await newestSource());
}

/**
 * Builds the web app in this process when web/dist is missing or stale, and waits: for the
 * test tiers and benchmarks, which need the current app before they start. `npm install` builds
 * it (the `prepare` script) and `npm start` never waits for a build (buildWebInBackground).
 * Vite is imported only then.
 */
export async function ensureWebBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (!(await webBuildStale())) return;
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

export interface BackgroundBuild {
  /** True until the new web/dist is in place (or the build failed). */
  building: () => boolean;
  done: Promise<void>;
  /** Ends the build process (a server shutting down); web/dist is left as it was. */
  stop: () => void;
}

/**
 * Builds the web app in a child process while the server already listens: into web/dist.next,
 * then swapped for web/dist, so a stale app keeps being served until the new one is complete
 * (and a missing one is announced by a "being built" page, web-app.ts).
 */
export function buildWebInBackground(log: (line: string) => void): BackgroundBuild {
  const next = `${webDist}.next`;
  const vite = join(
    createRequire(import.meta.url).resolve('vite/package.json'),
    '..',
    'bin',
    'vite.js',
  );
  log('The web app (web/dist) is missing or older than web/src: building it in the background…');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      join(webRoot, 'vite.config.ts'),
      '--outDir',
      next,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let building = true;
  const done = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      void (async () => {
        if (code === 0) {
          const old = `${webDist}.old`;
          await rm(old, { recursive: true, force: true });
          await rename(webDist, old).catch(() => {});
          await rename(next, webDist);
          await rm(old, { recursive: true, force: true });
          log(`Web app built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
        } else if (code !== null) {
          log(`The web app build failed (exit ${code}); run npm run build to see why.`);
        }
      })()
        .catch((error: unknown) =>
          log(`The web app build could not be put in place: ${String(error)}`),
        )
        .finally(() => {
          building = false;
          resolve();
        });
    });
  });
  return {
    building: () => building,
    done,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
