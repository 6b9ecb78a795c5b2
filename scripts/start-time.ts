// Start-to-listening time of `npm start` (`node bin/codecard serve`) on a first start: a fresh
// data directory (empty store, the starter library still to import) and a built app (web/dist
// and the server bundle, as `npm ci` leaves them). Runs the server RUNS times, the first with
// tsx's compile cache off (a fresh clone has none; it matters only when src/ was edited since
// the bundle was made and bin/codecard runs the sources), and prints the seconds to "running at" (and the CPU seconds used by then: on a busy machine the
// wall time says more about the machine) and to the whole starter library.
// Usage: npm run start:time [-- RUNS]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { starterLibraryReady } from '../test/support/starter-library-ready.ts';
import { webBuildStale } from '../src/web/web-build.ts';
import { currentServerBundle } from '../bin/server-bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);

interface StartTimes {
  listening: number;
  /** CPU seconds the server had used when it listened (Linux), whatever else the machine ran. */
  cpuAtListening: number | null;
  starterLibrary: number;
}

/** User + system CPU seconds of a process, from /proc (null elsewhere). */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function startOnce(coldCache: boolean): Promise<StartTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/codecard', '--data', join(dir, 'store'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...(coldCache ? { TSX_DISABLE_CACHE: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((done, fail) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /running at (http:\/\/localhost:\d+)/.exec(output);
        if (found) done(found[1]!);
      });
      child.once('exit', (code) => fail(new Error(`the server exited (${code}): ${output}`)));
    });
    const listening = (performance.now() - started) / 1000;
    const cpuAtListening = cpuSeconds(child.pid!);
    await starterLibraryReady(url);
    return { listening, cpuAtListening, starterLibrary: (performance.now() - started) / 1000 };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

if (await webBuildStale())
  console.log('web/dist is missing or stale: run npm run build first (npm ci does it).');
const bundled = currentServerBundle() !== null;
console.log(
  !bundled
    ? 'The server bundle is missing or older than src/: timing the sources through tsx (npm run build:server makes it).'
    : 'Timing the server bundle (dist/server).',
);
for (let run = 0; run < runs; run++) {
  const cold = run === 0 && !bundled;
  const times = await startOnce(cold);
  console.log(
    `start ${run + 1}${bundled ? '' : cold ? ' (no tsx cache, as a fresh clone)' : ' (tsx cache warm)'}: ` +
      `listening after ${times.listening.toFixed(2)} s (${times.cpuAtListening?.toFixed(2) ?? '?'} s of CPU), ` +
      `starter library in after ` +
      `${times.starterLibrary.toFixed(2)} s`,
  );
}
