import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClaimResult } from '../src/rules/claim-checker.ts';
import { reportWriter } from '../src/check/check-report.ts';

const bin = resolve(import.meta.dirname, '../bin/codecard');
const samplePtp = resolve(
  import.meta.dirname,
  '../samples/starter-library/sample-ccipra-v320r0-ptp.txt',
);
const dir = mkdtempSync(join(tmpdir(), 'codecard-check-stream-'));

function codecard(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, '--data', join(dir, 'store'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    maxBuffer: 256 * 1024 * 1024,
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Code pairs in the sample practitioner PTP file (errors and, with XS, infos) and a lone code. */
const pairs = [['62263', '62264'], ['20610', '96372'], ['20610', '99213'], ['99213']];
// More claims than one progress step and one output flush, so both paths run.
const claims = Array.from({ length: 3_000 }, (_, i) => ({
  id: `C${i}`,
  dateOfService: '2026-03-02',
  lines: pairs[i % pairs.length]!.map((code, line) => ({
    code,
    ...(i % 3 === 0 && line === 1 ? { modifiers: ['XS'] } : {}),
  })),
}));
const ndjson = claims.map((c) => JSON.stringify(c)).join('\r\n');

describe('codecard check streams NDJSON', () => {
  /** The JSON report of the claims read whole from a JSON file (not streamed). */
  let whole: { code: number | null; stdout: string };

  beforeAll(() => {
    expect(codecard(['import', samplePtp]).code).toBe(0);
    writeFileSync(join(dir, 'claims.json'), JSON.stringify({ claims }));
    whole = codecard(['check', 'claims.json', '--format', 'json']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('NDJSON on stdin gives the JSON report of the same claims read whole', () => {
    const streamed = codecard(['check', '-', '--format', 'json'], ndjson);
    expect(streamed.stderr).toBe('');
    expect(streamed.code).toBe(2);
    expect(whole.code).toBe(2);
    const report = JSON.parse(streamed.stdout) as { claims: { id: string }[] };
    expect(report.claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
    expect(report).toEqual(JSON.parse(whole.stdout));
    expect(streamed.stdout).toBe(whole.stdout);
  });

  test('--format ndjson writes one result per line; csv streams too', () => {
    const results = (JSON.parse(whole.stdout) as { claims: ClaimResult[] }).claims;
    const lines = codecard(['check', '-', '--format', 'ndjson'], ndjson).stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(results);
    const csv = reportWriter('csv');
    expect(codecard(['check', '-', '--format', 'csv'], ndjson).stdout).toBe(
      csv.head() + results.map((r) => csv.item(r)).join('') + csv.tail(),
    );
  });

  test('a bad line partway exits 1 naming the line, after the results before it', () => {
    const bad = `${ndjson}\n{"id":"X","lines":[]}\n${JSON.stringify(claims[0])}`;
    const run = codecard(['check', '-', '--format', 'ndjson'], bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stdin: line ${claims.length + 1} (claim "X")`);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(claims.length);
    const json = codecard(['check', '-', '--format', 'json'], bad);
    expect(json.code).toBe(1);
    // An unfinished JSON report does not parse, so it cannot pass for a complete one.
    expect(() => JSON.parse(json.stdout) as unknown).toThrow();
  });
});
