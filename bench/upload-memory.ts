import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { buildTestApp, testApiKey } from '../src/http/test-app.ts';
import { openTestLibrary } from '../test/support/test-library.ts';
import { startRssSampler } from './rss-sampler.ts';

/**
 * Server memory under parallel uploads (issue 15), not part of `npm test`:
 * `node --import tsx bench/upload-memory.ts [COUNT] [MB] [CAP]` (default 20 uploads of 512 MB,
 * the default cap of concurrent uploads per user) starts
 * the app on an in-memory library, has a separate client process post COUNT uploads of MB each
 * to POST /api/library/documents at once, and prints the server's peak RSS (VmRSS sampled every
 * 5 ms from a worker thread) while they arrive and while their imports run, and how each upload
 * was answered. Uploads beyond the per-user cap are refused (429) before their body is read.
 */
const count = Number(process.argv[2] ?? 20);
const mb = Number(process.argv[3] ?? 512);
/** Concurrent uploads per user (default: the app's 2); 20 shows all of them streamed at once. */
const cap = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const sampler = startRssSampler();
const library = await openTestLibrary();
const app = await buildTestApp(library.ctx, {
  maxUploadBytes: 512 * 1024 * 1024,
  logLevel: 'silent',
  as: null,
  ...(cap === undefined ? {} : { uploads: { maxConcurrentPerUser: cap } }),
});
const key = await testApiKey(library.ctx, 'librarian');
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/library/documents`;

const readyRss = process.memoryUsage().rss;
sampler.phase('uploads');
const started = performance.now();
const client = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    resolve(import.meta.dirname, 'upload-client.ts'),
    url,
    key,
    String(count),
    String(mb),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let output = '';
client.stdout.setEncoding('utf8').on('data', (part: string) => (output += part));
await new Promise((done) => client.once('close', done));
const uploadSeconds = (performance.now() - started) / 1000;
const outcomes = JSON.parse(output) as {
  status: number;
  jobId?: string;
  code?: string;
  retryAfter?: string;
  mbSent: number;
  seconds: number;
}[];

sampler.phase('imports');
for (const { jobId } of outcomes) {
  if (!jobId) continue;
  for (;;) {
    const job = (
      await app.inject({
        url: `/api/library/imports/${jobId}`,
        headers: { authorization: `Bearer ${key}` },
      })
    ).json<{ status: string }>();
    if (job.status !== 'queued' && job.status !== 'running') break;
    await new Promise((done) => setTimeout(done, 50));
  }
}
const peaks = await sampler.stop();
await app.close();
await library.opened.close();

const byStatus = new Map<string, typeof outcomes>();
for (const o of outcomes) {
  const label = `${o.status}${o.code ? ` ${o.code}` : ''}`;
  byStatus.set(label, [...(byStatus.get(label) ?? []), o]);
}
process.stdout.write(
  `${count} parallel uploads of ${mb} MB in ${uploadSeconds.toFixed(1)} s (RSS before: ${mib(readyRss)})\n`,
);
for (const [label, list] of byStatus) {
  const seconds = list.map((o) => o.seconds).sort((a, b) => a - b);
  const retry = list[0]?.retryAfter ? `, Retry-After ${list[0].retryAfter}` : '';
  process.stdout.write(
    `  ${label}: ${list.length} (answered in ${seconds[0]!.toFixed(2)}-${seconds.at(-1)!.toFixed(2)} s, ` +
      `max ${Math.max(...list.map((o) => o.mbSent))} MB sent before the answer${retry})\n`,
  );
}
for (const { label, peakBytes } of peaks)
  process.stdout.write(`  peak RSS during ${label}: ${mib(peakBytes)}\n`);
