import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const bin = resolve(import.meta.dirname, '../bin/codecard');
const shared = resolve(import.meta.dirname, '../../shared/data');
const dir = mkdtempSync(join(tmpdir(), 'codecard-ask-real-'));
const codecard = (...args: string[]) =>
  spawnSync(process.execPath, [bin, '--data', join(dir, 'store'), ...args], {
    encoding: 'utf8',
    cwd: dir,
  });

describe('ask over the real hospital PTP subset (issue 5 acceptance)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('"62264 with 77003 in hospital": a modifier is required (indicator 1), cited to the row', () => {
    const imported = codecard(
      'import',
      join(shared, 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv'),
      '--setting',
      'hospital',
    );
    expect(imported.status, imported.stderr).toBe(0);
    const asked = codecard('ask', '62264 with 77003 in hospital', '--dos', '2026-11-02', '--json');
    expect(asked.status, asked.stderr).toBe(0);
    const { answer } = JSON.parse(asked.stdout) as {
      answer: { kind: string; verdict: string; citations: { title: string; locator: string }[] };
    };
    expect(answer).toMatchObject({ kind: 'pair', verdict: 'modifier-required' });
    expect(answer.citations).toEqual([
      expect.objectContaining({
        title: 'ccioph-v323r0_active_edits_spine_subset.csv',
        locator: expect.stringMatching(/^line \d+$/) as unknown,
      }),
    ]);
  });
});
