import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, test } from 'vitest';
import type { BatchJob } from '../../src/contracts/check-jobs.ts';
import { MAX_CLAIMS, MAX_LINES_PER_CLAIM, MAX_UNITS } from '../../src/claims/claim-limits.ts';
import {
  jsonClaimWithRawUnits,
  mutateX12,
  sample837,
  writeCsvClaims,
} from './support/claim-inputs.ts';
import { hostileCase, type CaseControl } from './support/hostile-case.ts';
import { hostileFixture } from './support/hostile-fixture.ts';
import { scaled } from './support/hostile-settings.ts';
import { namesLimit } from './support/import-checks.ts';
import {
  fileFromBuffer,
  fileOnDisk,
  postMultipart,
  type UploadFile,
} from './support/streamed-upload.ts';

/**
 * Claim checks: large concurrent batches (issue 15: results kept in memory, 4.9 GB and death),
 * deep JSON (500), number overflow (1e400 became 1), and what held: CSV injection, mutated X12,
 * claim-size limits.
 */
const GROUP = 'checks';
const BATCHES = 3;

// One user sends every batch at once: the per-user upload cap (2 by default) would refuse the
// third, and this case is about the memory of concurrent batches, so the cap is raised to them.
const fixture = hostileFixture({ CODECARD_MAX_CONCURRENT_UPLOADS: String(BATCHES) });

const run = (name: string, body: (c: CaseControl) => Promise<void>) =>
  hostileCase(GROUP, fixture.server(), name, body);

async function submitBatch(c: CaseControl, file: UploadFile) {
  const answer = await postMultipart(`${c.server.baseUrl}/api/checks/batch`, c.server.headers(), [
    file,
  ]);
  let body: (BatchJob & { error?: { code: string; message: string } }) | null = null;
  try {
    body = JSON.parse(answer.text) as BatchJob;
  } catch {
    // Reported by the caller from the status.
  }
  return { ...answer, body };
}

async function finished(c: CaseControl, id: string, timeoutMs = 900_000): Promise<BatchJob | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const answer = await c.server.request(`/api/checks/batch/${id}`);
    if (answer.status !== 200) return null;
    const job = JSON.parse(answer.text) as BatchJob;
    if (!['queued', 'running'].includes(job.status)) return job;
    await sleep(1000);
  }
  return null;
}

/** Downloads a result as a stream, counting its lines without keeping them. */
async function countLines(c: CaseControl, path: string): Promise<number> {
  const response = await fetch(`${c.server.baseUrl}${path}`, { headers: c.server.headers() });
  if (response.status !== 200 || !response.body) return -response.status;
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) lines++;
  }
  return lines;
}

/** POST /api/checks with a raw JSON text body. */
const checkRaw = (c: CaseControl, body: string) =>
  c.server.request('/api/checks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

function errorOf(text: string): { code: string; message: string } | null {
  try {
    return (JSON.parse(text) as { error?: { code: string; message: string } }).error ?? null;
  } catch {
    return null;
  }
}

describe('batch checks', () => {
  test(`${BATCHES} concurrent batches of 100,000 claims, results downloaded`, async () => {
    const claims = scaled(100_000, 1000);
    const paths = Array.from({ length: BATCHES }, (_, i) => join(fixture.dir(), `batch-${i}.csv`));
    for (const [i, path] of paths.entries()) await writeCsvClaims(path, claims.value, 100 + i);
    await run(`${BATCHES} concurrent batches of 100k claims + downloads`, async (c) => {
      if (claims.note) c.note(claims.note);
      const submitted = await Promise.all(
        paths.map((path, i) => submitBatch(c, fileOnDisk(`batch-${i}.csv`, path))),
      );
      for (const answer of submitted) {
        c.check(
          answer.status === 202,
          `a batch got ${answer.status}: ${answer.text.slice(0, 200)}`,
        );
      }
      const ids = submitted.flatMap((a) => (a.status === 202 && a.body ? [a.body.id] : []));
      const jobs = await Promise.all(ids.map((id) => finished(c, id)));
      for (const [i, job] of jobs.entries()) {
        c.check(job?.status === 'done', `batch ${i}: ${job?.status ?? 'no answer / timed out'}`);
      }
      // Downloaded at once, all formats: NDJSON is one line per claim.
      const counts = await Promise.all(
        ids.map((id) => countLines(c, `/api/checks/batch/${id}/results?format=ndjson`)),
      );
      for (const count of counts) {
        c.check(count === claims.value, `a download had ${count} lines, not ${claims.value}`);
      }
      const csv = await Promise.all(
        ids.map((id) => countLines(c, `/api/checks/batch/${id}/results?format=csv`)),
      );
      c.note(`CSV rows per batch: ${csv.join(', ')}`);
    });
  });
});

describe('bad JSON and numbers', () => {
  test('a JSON body nested 100,000 deep', async () => {
    const depth = scaled(100_000, 1000);
    const deep = `{"claims":${'['.repeat(depth.value)}${']'.repeat(depth.value)}}`;
    await run('JSON nested 100,000 deep -> 400', async (c) => {
      if (depth.note) c.note(depth.note);
      const direct = await checkRaw(c, deep);
      c.check(
        direct.status === 400,
        `POST /api/checks: ${direct.status}: ${direct.text.slice(0, 200)}`,
      );
      c.check(
        errorOf(direct.text)?.code === 'BAD_INPUT',
        `POST /api/checks: ${direct.text.slice(0, 200)}`,
      );
      const batch = await submitBatch(c, fileFromBuffer('deep.json', deep));
      c.check(batch.status === 400, `batch upload: ${batch.status}: ${batch.text.slice(0, 200)}`);
      c.check(
        errorOf(batch.text)?.code === 'BAD_INPUT',
        `batch upload: ${batch.text.slice(0, 200)}`,
      );
    });
  });

  test('units 1e400, -0 and NaN', async () => {
    await run('units 1e400, -0, NaN -> 400 naming the field', async (c) => {
      for (const units of ['1e400', '-0', 'NaN', '"NaN"', '-1e400', '1e-400']) {
        const answer = await checkRaw(c, jsonClaimWithRawUnits(units));
        const error = errorOf(answer.text);
        c.check(
          answer.status === 400,
          `units ${units}: ${answer.status}: ${answer.text.slice(0, 160)}`,
        );
        c.check(error?.code === 'BAD_INPUT', `units ${units}: code ${error?.code}`);
        c.check(
          /units/.test(error?.message ?? ''),
          `units ${units}: the message names no field: ${error?.message}`,
        );
      }
    });
  });
});

describe('what held keeps holding', () => {
  test('CSV injection in downloads', async () => {
    const ids = [
      '=HYPERLINK("http://example.test","x")',
      '+SUM(1,2)',
      '-2+3',
      '@cmd',
      '\tTAB',
      '=1+1',
    ];
    const csv = [
      'claim,code,dos,units,modifiers,dx',
      // Each claim has a PTP pair of the starter library, so it yields findings (report rows).
      ...ids.flatMap((id) => [
        `"${id.replace(/"/g, '""')}",62323,2026-03-02,1,,M54.16`,
        `"${id.replace(/"/g, '""')}",64483,2026-03-02,1,,M54.16`,
      ]),
    ].join('\n');
    await run('CSV injection in downloads', async (c) => {
      const answer = await submitBatch(c, fileFromBuffer('inject.csv', csv));
      if (answer.status !== 202 || !answer.body) {
        c.note(`the file was refused (${answer.status}): nothing to download`);
        return;
      }
      const job = await finished(c, answer.body.id);
      c.check(job?.status === 'done', `the batch: ${job?.status}`);
      const download = await c.server.request(
        `/api/checks/batch/${answer.body.id}/results?format=csv`,
      );
      const rows: string[][] = parseCsv(download.text, { relax_column_count: true });
      const cells = rows.flat();
      for (const cell of cells) {
        c.check(
          !/^[=+\-@\t\r]/.test(cell),
          `a formula cell in the download: ${JSON.stringify(cell)}`,
        );
      }
      const seen = ids.filter((id) => cells.some((cell) => cell.endsWith(id.trimStart())));
      c.check(seen.length > 0, 'no injected id reached the report: nothing was tested');
      c.note(
        `${rows.length - 1} report rows, ${seen.length} of ${ids.length} injected ids present`,
      );
    });
  });

  test('300 mutated X12 files', async () => {
    const valid = sample837(3);
    await run('300 mutated X12 files -> 4xx or 202, never 5xx', async (c) => {
      const statuses = new Map<number, number>();
      const control = await submitBatch(c, fileFromBuffer('valid.837', valid));
      c.check(
        control.status === 202,
        `the valid 837 got ${control.status}: ${control.text.slice(0, 200)}`,
      );
      for (let seed = 1; seed <= 300; seed++) {
        const answer = await submitBatch(
          c,
          fileFromBuffer(`mutated-${seed}.837`, mutateX12(valid, seed)),
        );
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        c.check(
          answer.status === 202 || (answer.status >= 400 && answer.status < 500),
          `seed ${seed}: ${answer.status || 'no answer'}: ${answer.text.slice(0, 160)}`,
        );
      }
      c.note(`answers: ${[...statuses].map(([s, n]) => `${s} ×${n}`).join(', ')}`);
    });
  });

  test('claim-size limits', async () => {
    const line = '{"code":"62323","units":1}';
    const tooManyClaims = `[${Array.from({ length: MAX_CLAIMS + 1 }, (_, i) => `{"id":"c${i}","dateOfService":"2026-03-02","lines":[${line}]}`).join(',')}]`;
    const tooManyLines = `{"id":"L","dateOfService":"2026-03-02","lines":[${Array(
      MAX_LINES_PER_CLAIM + 1,
    )
      .fill(line)
      .join(',')}]}`;
    await run('claim-size limits -> 400 naming the limit', async (c) => {
      const cases: [string, Promise<{ status: number; text: string }>][] = [
        [
          `${MAX_CLAIMS + 1} claims (batch)`,
          submitBatch(c, fileFromBuffer('many.json', tooManyClaims)),
        ],
        [`${MAX_LINES_PER_CLAIM + 1} lines`, checkRaw(c, tooManyLines)],
        [`units ${MAX_UNITS + 1}`, checkRaw(c, jsonClaimWithRawUnits(String(MAX_UNITS + 1)))],
      ];
      for (const [what, pending] of cases) {
        const answer = await pending;
        const error = errorOf(answer.text);
        c.check(answer.status === 400, `${what}: ${answer.status}: ${answer.text.slice(0, 160)}`);
        c.check(namesLimit(error?.message ?? ''), `${what}: no limit named: ${error?.message}`);
      }
    });
  });
});
