import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askQuestion } from '../src/ask/ask.service.ts';
import { feeColumns } from '../src/check/fee-columns.ts';
import { medicareFee } from '../src/fees/medicare-fee.service.ts';
import type { ClaimResult } from '../src/rules/claim-checker.ts';
import type { FeeResult } from '../src/contracts/fees.ts';
import type { OpenDatabase } from '../src/db/database.ts';
import { buildTestApp } from '../src/http/test-app.ts';
import { importFile } from '../src/library/import.service.ts';
import type { LibraryContext } from '../src/library/library-context.ts';
import { openTestLibrary } from './support/test-library.ts';

// Real CMS files are read where they are; the RVU fixture is a TEST FIXTURE (invented values).
const shared = resolve(import.meta.dirname, '../../shared/data');
const gpci = join(shared, 'mpfs-2026/GPCI2026.csv');
const excerpt = join(shared, 'mpfs-2026/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv');
const fixture = resolve(
  import.meta.dirname,
  '../src/fees/fixtures/PPRRVU2026_Jul_TEST_FIXTURE.csv',
);
const dos = '2026-08-01';

const bin = resolve(import.meta.dirname, '../bin/codecard');
const dir = mkdtempSync(join(tmpdir(), 'codecard-fees-real-'));
const codecard = (store: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, '--data', join(dir, store), ...args], {
    encoding: 'utf8',
    cwd: dir,
  });

interface Surfaces {
  opened: OpenDatabase;
  ctx: LibraryContext;
  app: FastifyInstance;
}

async function surfacesWith(...files: string[]): Promise<Surfaces> {
  const { opened, ctx } = await openTestLibrary();
  for (const file of files)
    await importFile(ctx, { fileName: basename(file), bytes: readFileSync(file) });
  return { opened, ctx, app: await buildTestApp(ctx, { as: 'viewer' }) };
}
const close = async (s: Surfaces) => {
  await s.app.close();
  await s.opened.close();
};
const restFee = async (s: Surfaces, query: string) => {
  const reply = await s.app.inject({ url: `/api/fees?${query}` });
  return { status: reply.statusCode, body: reply.json<FeeResult>() };
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fees on REST, Ask and CLI: TEST FIXTURE RVUs × the real CY2026 GPCI file', () => {
  let s: Surfaces;
  beforeAll(async () => {
    s = await surfacesWith(fixture, gpci);
  });
  afterAll(async () => close(s));

  test('GET /api/fees: both settings with the arithmetic and both rows cited', async () => {
    const { status, body } = await restFee(s, `code=64483&locality=Manhattan&date=${dos}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      outcome: 'priced',
      locality: { mac: '13202', state: 'NY', localityNumber: '01', localityName: 'MANHATTAN' },
      // (1.90 × 1.064 + 4.17 × 1.162 + 0.17 × 1.586) × 33.4009 = 238.374207084
      nonFacility: { amount: '238.37', arithmetic: { exact: '238.374207084' } },
      // (1.90 × 1.064 + 0.80 × 1.162 + 0.17 × 1.586) × 33.4009 = 107.578286738
      facility: { amount: '107.58', arithmetic: { exact: '107.578286738' } },
      citations: { gpci: { version: 'CY2026', locator: 'line 78' } },
    });
    expect(body.citations.rvu?.locator).toMatch(/^line \d+$/);
    const modifierRow = await restFee(s, `code=77003&modifier=26&locality=CA%2075&date=${dos}`);
    expect(modifierRow.body).toMatchObject({ outcome: 'priced', modifier: '26' });
    expect((await s.app.inject({ url: '/api/fees?code=64483' })).statusCode).toBe(400);
  });

  test('GET /api/cards/cpt/64483?locality=Manhattan: the card carries the fee', async () => {
    const reply = await s.app.inject({ url: `/api/cards/cpt/64483?dos=${dos}&locality=Manhattan` });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<{ fees: FeeResult }>().fees).toMatchObject({
      outcome: 'priced',
      nonFacility: { amount: '238.37' },
      facility: { amount: '107.58' },
    });
    const plain = await s.app.inject({ url: `/api/cards/cpt/64483?dos=${dos}` });
    expect(plain.json<{ fees?: FeeResult }>().fees).toBeUndefined();
  });

  test.each([
    ['fee for 64483 in Manhattan', 'MANHATTAN', '238.37', '107.58'],
    ['Medicare allowed amount 99213 Alabama', 'ALABAMA', '77.56', '60.61'],
  ])(
    'Ask "%s" → a fee answer citing both rows',
    async (question, locality, nonFacility, facility) => {
      const { answer } = await askQuestion(s.ctx, { question, dos });
      expect(answer.kind).toBe('fee');
      expect(answer.fee).toMatchObject({
        locality: { localityName: locality },
        nonFacility: { amount: nonFacility },
        facility: { amount: facility },
      });
      expect(answer.citations).toHaveLength(2);
      expect(answer.text).toContain(`Non-facility: $${nonFacility}`);
      expect(answer.text).toContain('Formula: (');
    },
  );

  test('Ask without a locality the file has: a refusal listing the localities it holds', async () => {
    const { answer } = await askQuestion(s.ctx, { question: 'fee for 64483 in Atlantis', dos });
    expect(answer.kind).toBe('not-found');
    expect(answer.fee?.outcome).toBe('locality-unknown');
    expect(answer.text).toContain('MANHATTAN (NY 01)');
  });

  test('batch CSV fee columns: each row’s codes priced in the locality, in codes order', async () => {
    const columns = feeColumns(s.ctx, 'Manhattan', dos);
    expect(columns.head()).toBe('fee_locality,non_facility_fee,facility_fee');
    const result: ClaimResult = {
      id: 'claim-1',
      findings: [
        {
          rule: 'ptp',
          severity: 'error',
          lines: [1, 2],
          codes: ['64483', '27447', '0275T', '99999'],
          message: 'sample finding',
          citations: [],
        },
      ],
      summary: { errors: 1, warnings: 0, infos: 0 },
    };
    const [row] = await columns.rows(result);
    const knee = await medicareFee(s.ctx, {
      code: '27447',
      locality: 'Manhattan',
      date: dos,
      lang: 'en',
    });
    expect(row).toBe(
      `MANHATTAN (NY 01),238.37 NA not-priced:I -,107.58 ${knee.facility!.amount!} not-priced:I -`,
    );
  });

  test('codecard fee prints the formula and both rows', () => {
    expect(codecard('fixture', 'import', fixture).status).toBe(0);
    expect(codecard('fixture', 'import', gpci).status).toBe(0);
    const run = codecard('fixture', 'fee', '64483', '--locality', 'Manhattan', '--date', dos);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Non-facility: $238.37');
    expect(run.stdout).toContain(
      'Formula: (1.90 × 1.064 + 4.17 × 1.162 + 0.17 × 1.586) × 33.4009 = 7.13676 × 33.4009 = 238.374207084 → $238.37',
    );
    expect(run.stdout).toMatch(/source: \[\d+\] .*CY2026, line 78/);
    const unknown = codecard('fixture', 'fee', '64483', '--locality', 'Atlantis', '--date', dos);
    expect(unknown.status).toBe(1);
  });
});

describe('fees on the real RVU excerpt: status I and J are "not priced", never $0.00', () => {
  let s: Surfaces;
  beforeAll(async () => {
    s = await surfacesWith(excerpt, gpci);
  });
  afterAll(async () => close(s));

  test.each([
    ['0001F', 'I'],
    ['00100', 'J'],
  ])('%s (status %s) on REST, Ask and CLI', async (code, status) => {
    const rest = await restFee(s, `code=${code}&locality=Manhattan&date=${dos}`);
    expect(rest.body).toMatchObject({
      outcome: 'not-priced',
      status,
      nonFacility: null,
      facility: null,
    });
    const { answer } = await askQuestion(s.ctx, { question: `fee for ${code} in Manhattan`, dos });
    expect(answer.kind).toBe('fee');
    for (const text of [rest.body.text, answer.text]) {
      expect(text).toContain(
        `not priced under the Medicare physician fee schedule (status ${status})`,
      );
      expect(text).not.toMatch(/\$\s*0\.00/);
    }
  });

  test('codecard fee on the excerpt', () => {
    expect(codecard('excerpt', 'import', excerpt).status).toBe(0);
    expect(codecard('excerpt', 'import', gpci).status).toBe(0);
    const run = codecard('excerpt', 'fee', '0001F', '--locality', 'Manhattan', '--date', dos);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('not priced under the Medicare physician fee schedule (status I)');
    expect(run.stdout).not.toMatch(/\$\s*0\.00/);
    const json = codecard(
      'excerpt',
      'fee',
      '00100',
      '--locality',
      'NY 01',
      '--date',
      dos,
      '--json',
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'not-priced', status: 'J' });
  });
});
