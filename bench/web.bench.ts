/// <reference lib="dom" />
// The page callback runs in the browser, so this file sees the DOM types.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { initialBundle } from '../src/web/initial-bundle.ts';
import { ensureWebBuilt } from '../src/web/web-build.ts';
import { launchBrowser } from '../test/e2e/browser.ts';
import { starterLibraryReady } from '../test/support/starter-library-ready.ts';
import { atMost, type Bench, type BenchResult, runWhenMain } from './bench-result.ts';
import { stats } from './lookup-search.bench.ts';

const LOADS = 20;
const INTERACTIVE_MS = 1000;

/**
 * The web app in Debian's Chromium against a local server with the starter library: the
 * initial JavaScript (gzip) and the time from navigation start until the code card page is
 * interactive (its heading rendered from the API and the date-of-service picker usable), each
 * load in a fresh browser context (no cache).
 */
export const webBench: Bench = {
  name: 'web',
  async run(): Promise<BenchResult> {
    await ensureWebBuilt();
    const bundle = initialBundle();
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-web-'));
    const bin = resolve(import.meta.dirname, '../bin/codecard');
    const server = spawn(process.execPath, [bin, '--data', join(dir, 'store'), 'serve'], {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', CODECARD_SKIP_WEB_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const browser = await launchBrowser();
    try {
      const baseUrl = await new Promise<string>((done, fail) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /running at (http:\/\/localhost:\d+)/.exec(output);
          if (found) done(found[1]!);
        });
        server.once('exit', () => fail(new Error(output)));
      });
      await starterLibraryReady(baseUrl);
      const samples: number[] = [];
      for (let i = 0; i <= LOADS; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${baseUrl}/codes/cpt/62264?dos=2026-03-02`, { waitUntil: 'commit' });
        // Timed inside the page, checked every animation frame: the card's heading is rendered
        // from the API and its date-of-service picker is in place. (Playwright's role queries
        // walk the accessibility tree of a long card, which would add their own time.)
        const ready = await page.waitForFunction(
          () => {
            const heading = document.querySelector('main h1');
            const done =
              /62264/.test(heading?.textContent ?? '') &&
              document.querySelector('main input[type="date"]') !== null;
            return done ? performance.now() : false;
          },
          undefined,
          { polling: 'raf' },
        );
        const ms = (await ready.jsonValue()) as number;
        // The first load warms the server's caches; it is not counted.
        if (i > 0) samples.push(ms);
        await context.close();
      }
      const interactive = stats(samples);
      return {
        name: this.name,
        metrics: [
          {
            label: 'initial JavaScript (gzip)',
            value: Math.round(bundle.gzipBytes / 102.4) / 10,
            unit: 'KB',
          },
          { label: 'initial JavaScript files', value: bundle.files.length },
          { label: `card page loads (fresh context each, /codes/cpt/62264)`, value: interactive.n },
          { label: 'card page interactive p50', value: Math.round(interactive.p50), unit: 'ms' },
          { label: 'card page interactive p95', value: Math.round(interactive.p95), unit: 'ms' },
        ],
        checks: [
          atMost('initial JavaScript', bundle.gzipBytes / 1024, 250, 'KB'),
          atMost('card page interactive p95', interactive.p95, INTERACTIVE_MS, 'ms'),
        ],
      };
    } finally {
      await browser.close();
      server.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    }
  },
};

await runWhenMain(import.meta.url, webBench);
