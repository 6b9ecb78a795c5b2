import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const bin = resolve(import.meta.dirname, '../bin/codecard');
const shared = resolve(import.meta.dirname, '../../shared/data');
const dir = mkdtempSync(join(tmpdir(), 'codecard-sync-cli-'));
const data = join(dir, 'store');

function codecard(mirror: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, '--data', data, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, CODECARD_SYNC_MIRROR: mirror },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('codecard sync', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('imports from a folder mirror once, says what failed, and reports the status', () => {
    // A folder of downloaded files: the shipped GPCI entry matches its unzipped member by name.
    const folder = join(dir, 'downloads');
    mkdirSync(folder);
    copyFileSync(join(shared, 'mpfs-2026/GPCI2026.csv'), join(folder, 'GPCI2026.csv'));
    const first = codecard(folder, 'sync');
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^gpci: RVU26C imported as document \d+$/m);
    expect(codecard(folder, 'sync').stdout).toMatch(/^gpci: up to date \(document \d+\)$/m);

    // An index naming a file that is not there: exit 1, the step and the reason.
    const index = join(dir, 'broken.json');
    writeFileSync(
      index,
      JSON.stringify({ entries: [{ dataset: 'gpci', kind: 'gpci', url: 'missing/GPCI2026.csv' }] }),
    );
    const failed = codecard(index, 'sync');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /^gpci: failed at download: .*cannot read: ENOENT; the library is unchanged$/m,
    );

    const status = codecard(index, 'sync', '--status', '--json');
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as {
      datasets: { dataset: string; result: string; failedStep: string; newestHeld: unknown }[];
    };
    expect(report.datasets).toHaveLength(1);
    // The failure is the last check; the release imported before is still the newest held.
    expect(report.datasets[0]).toMatchObject({
      dataset: 'gpci',
      result: 'failed',
      failedStep: 'download',
      newestHeld: { release: 'RVU26C', effective: '2026-01-01' },
    });
  });
});
