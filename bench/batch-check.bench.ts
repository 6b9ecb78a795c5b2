import { openAsBlob } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/http/app.ts';
import { testApiKey } from '../src/http/test-app.ts';
import { importFile } from '../src/library/import.service.ts';
import { testContext } from '../test/support/test-context.ts';
import {
  mib,
  seconds,
  type Bench,
  type BenchMetric,
  type BenchResult,
  runWhenMain,
} from './bench-result.ts';
import { generatePtpFile, seededRandom } from './generate-ptp.ts';
import { startRssSampler } from './rss-sampler.ts';

// Sizes through the environment, so a smaller run fits a busy machine; reported figures use these.
// 100,000 claims is the most one file may hold (MAX_CLAIMS).
const CLAIMS = Number(process.env.BATCH_BENCH_CLAIMS ?? 100_000);
const CONCURRENT = Number(process.env.BATCH_BENCH_CONCURRENT ?? 4);
const PTP_ROWS = Number(process.env.BATCH_BENCH_PTP_ROWS ?? 100_000);
const DOS = '2026-11-02';
const modifiers = ['59', 'XS', '25', 'LT', '76'];

/**
 * Batch checks over real HTTP, as a client uses them: one large NDJSON batch, then several at
 * once, each uploaded, polled to its end and downloaded as CSV (streamed to nowhere). Reports
 * peak RSS per phase (sampled from a worker thread), claims/s from upload to done and download
 * MB/s. Only the public routes are used, so the same file measures any version of the server.
 */
export const batchCheckBench: Bench = {
  name: 'batch-check',
  async run(): Promise<BenchResult> {
    const rss = startRssSampler();
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-batch-'));
    const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    const metrics: BenchMetric[] = [];
    try {
      const ctx = testContext(opened);
      const ptp = await generatePtpFile(join(dir, 'ccipra-v323r0-f1.txt'), { rows: PTP_ROWS });
      await importFile(ctx, { fileName: basename(ptp.path), bytes: await readFile(ptp.path) });
      const { rows } = await sql<{ code: string }>`
        select column1 as code from ptp_edits group by column1 order by column1`.execute(ctx.db);
      const codes = rows.map((r) => r.code);
      const file = await writeClaims(join(dir, 'claims.ndjson'), codes, CLAIMS);
      const { app } = await buildApp({
        ctx,
        maxUploadBytes: 1024 * 1024 * 1024,
        logLevel: 'silent',
        version: 'bench',
        rateLimitPerMinute: 10_000,
      });
      const key = await testApiKey(ctx, 'coder');
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const headers = { authorization: `Bearer ${key}` };
      metrics.push(
        { label: 'claims per batch', value: CLAIMS },
        { label: 'NDJSON size', value: mib(file.bytes), unit: 'MiB' },
        { label: 'batches at once', value: CONCURRENT },
      );
      try {
        rss.phase('one batch: upload');
        const one = await runBatches(base, headers, file.path, 1, () =>
          rss.phase('one batch: check'),
        );
        rss.phase('one batch: CSV download');
        const oneDownload = await downloadAll(base, headers, one.ids);
        rss.phase(`${CONCURRENT} batches at once: uploads`);
        const many = await runBatches(base, headers, file.path, CONCURRENT, () =>
          rss.phase(`${CONCURRENT} batches at once: checks`),
        );
        rss.phase(`${CONCURRENT} batches at once: CSV downloads`);
        const manyDownload = await downloadAll(base, headers, many.ids);
        metrics.push(
          { label: 'one batch: upload (s)', value: seconds(one.uploadMs) },
          { label: 'one batch: upload to done (s)', value: seconds(one.totalMs) },
          { label: 'one batch: claims/s', value: Math.round(CLAIMS / (one.totalMs / 1000)) },
          {
            label: 'one batch: CSV download MiB/s',
            value: Math.round(mib(oneDownload.bytes) / (oneDownload.ms / 1000)),
          },
          { label: `${CONCURRENT} batches: upload to all done (s)`, value: seconds(many.totalMs) },
          {
            label: `${CONCURRENT} batches: claims/s`,
            value: Math.round((CONCURRENT * CLAIMS) / (many.totalMs / 1000)),
          },
          {
            label: `${CONCURRENT} batches: CSV downloads MiB/s`,
            value: Math.round(mib(manyDownload.bytes) / (manyDownload.ms / 1000)),
          },
        );
      } finally {
        await app.close();
      }
    } finally {
      await opened.close();
      await rm(dir, { recursive: true, force: true });
      const peaks = await rss.stop();
      for (const { label, peakBytes } of peaks)
        metrics.push({ label: `peak RSS: ${label}`, value: mib(peakBytes), unit: 'MiB' });
      metrics.push({
        label: 'peak RSS: overall',
        value: mib(Math.max(...peaks.map((p) => p.peakBytes))),
        unit: 'MiB',
      });
    }
    return { name: this.name, metrics, checks: [] };
  },
};

/** Claims of 1-7 lines drawn from codes that have edits, so pairs hit; written to disk. */
async function writeClaims(path: string, codes: string[], count: number) {
  const random = seededRandom(7);
  const out = await open(path, 'w');
  let chunk = '';
  let bytes = 0;
  for (let c = 0; c < count; c++) {
    const n = 1 + Math.floor(random() * 7);
    const first = Math.floor(random() * codes.length);
    const lines = Array.from({ length: n }, () => ({
      code: codes[(first + Math.floor(random() * 40)) % codes.length]!,
      ...(random() < 0.3
        ? { modifiers: [modifiers[Math.floor(random() * modifiers.length)]!] }
        : {}),
      units: 1 + Math.floor(random() * 3),
    }));
    chunk += `${JSON.stringify({ id: `c${c}`, setting: 'practitioner', dateOfService: DOS, lines })}\n`;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      await out.write(chunk);
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  await out.write(chunk);
  await out.close();
  return { path, bytes };
}

interface JobJson {
  id: string;
  status: string;
  error?: { message: string };
}

/** Uploads the file `count` times at once and polls every job until it ends (`uploaded` between). */
async function runBatches(
  base: string,
  headers: Record<string, string>,
  path: string,
  count: number,
  uploaded: () => void,
): Promise<{ ids: string[]; uploadMs: number; totalMs: number }> {
  const started = performance.now();
  const ids = await Promise.all(
    Array.from({ length: count }, async () => {
      const form = new FormData();
      form.append('file', await openAsBlob(path), 'claims.ndjson');
      const response = await fetch(`${base}/api/checks/batch`, {
        method: 'POST',
        headers,
        body: form,
      });
      if (response.status !== 202)
        throw new Error(`upload: ${response.status} ${await response.text()}`);
      return ((await response.json()) as JobJson).id;
    }),
  );
  const uploadMs = performance.now() - started;
  uploaded();
  for (const id of ids) {
    for (;;) {
      const job = (await (
        await fetch(`${base}/api/checks/batch/${id}`, { headers })
      ).json()) as JobJson;
      if (job.status === 'done') break;
      if (job.status !== 'queued' && job.status !== 'running')
        throw new Error(`job ${id} ${job.status}: ${job.error?.message ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { ids, uploadMs, totalMs: performance.now() - started };
}

/** Downloads every job's CSV at once, counting bytes and keeping none. */
async function downloadAll(base: string, headers: Record<string, string>, ids: string[]) {
  const started = performance.now();
  const sizes = await Promise.all(
    ids.map(async (id) => {
      const response = await fetch(`${base}/api/checks/batch/${id}/results?format=csv`, {
        headers,
      });
      let bytes = 0;
      const reader = response.body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read())
        bytes += read.value.byteLength;
      return bytes;
    }),
  );
  return { bytes: sizes.reduce((a, b) => a + b, 0), ms: performance.now() - started };
}

await runWhenMain(import.meta.url, batchCheckBench);
