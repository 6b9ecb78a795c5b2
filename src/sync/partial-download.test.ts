import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { download, type DownloadLimits } from './download.ts';
import { MirrorTestServer } from './mirror-test-server.ts';
import { PartialDownload } from './partial-download.ts';

// No resume within a run: each run that meets a dropped connection gives up at once.
const limits: DownloadLimits = { maxBytes: 1024 * 1024, idleTimeoutMs: 5_000, maxResumes: 0 };
const file = (seed: string) =>
  Buffer.from(Array.from({ length: 4000 }, (_, i) => `${seed}${i}\n`).join(''));

describe('a download a failed run left unfinished is resumed by the next run', () => {
  const server = new MirrorTestServer();
  const dir = mkdtempSync(join(tmpdir(), 'codecard-parts-'));
  const partial = (url: string) => new PartialDownload(dir, url);

  beforeAll(() => server.start());
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the next run asks only for the rest, with the validator the first one got', async () => {
    const bytes = file('a');
    server.serve('/resume.txt', { bytes, dropOnce: true });
    const url = server.url('/resume.txt');
    await expect(download(url, limits, { partial: partial(url) })).rejects.toThrow(/gave up/);
    expect(readdirSync(dir).sort()).toHaveLength(2);
    const fetched = await download(url, limits, { partial: partial(url) });
    expect(fetched.bytes.equals(bytes)).toBe(true);
    const resumed = server.requests.at(-1)!;
    expect(resumed.status).toBe(206);
    expect(resumed.headers.range).toBe(`bytes=${Math.floor(bytes.length / 2)}-`);
    expect(resumed.headers['if-range']).toMatch(/^"/);
    // Whole: nothing is kept any more.
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a file replaced between runs comes back whole, never spliced', async () => {
    server.serve('/replaced.txt', { bytes: file('old'), dropOnce: true });
    const url = server.url('/replaced.txt');
    await expect(download(url, limits, { partial: partial(url) })).rejects.toThrow();
    const fresh = file('new');
    server.serve('/replaced.txt', { bytes: fresh });
    const fetched = await download(url, limits, { partial: partial(url) });
    expect(fetched.bytes.equals(fresh)).toBe(true);
    expect(server.requests.at(-1)!.status).toBe(200);
  });

  test('without a place to keep it, the next run starts from the first byte', async () => {
    const bytes = file('b');
    server.serve('/unkept.txt', { bytes, dropOnce: true });
    const url = server.url('/unkept.txt');
    await expect(download(url, limits)).rejects.toThrow();
    expect((await download(url, limits)).bytes.equals(bytes)).toBe(true);
    expect(server.requests.at(-1)!.headers.range).toBeUndefined();
  });

  test('a part older than a week is dropped, not resumed', () => {
    const url = server.url('/old.txt');
    const kept = new PartialDownload(dir, url, () => new Date('2026-01-01T00:00:00Z'));
    kept.begin('"v1"', 10);
    kept.append(Buffer.from('12345'));
    expect(new PartialDownload(dir, url, () => new Date('2026-01-09T00:00:00Z')).load()).toBeNull();
    // Dropped from disk too (the other tests leave nothing behind).
    expect(readdirSync(dir)).toEqual([]);
  });
});
