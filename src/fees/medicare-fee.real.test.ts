import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeResult } from '../contracts/fees.ts';
import type { OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { medicareFee } from './medicare-fee.service.ts';

// The shared CMS files are read where they are, never copied into the project.
const dataDir = path.resolve(import.meta.dirname, '../../../shared/data');
const gpciFile = path.join(dataDir, 'mpfs-2026/GPCI2026.csv');
const excerptFile = path.join(dataDir, 'mpfs-2026/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv');
// TEST FIXTURE: the CMS PPRRVU layout with values invented for these tests (not CMS data).
const fixtureFile = path.join(import.meta.dirname, 'fixtures/PPRRVU2026_Jul_TEST_FIXTURE.csv');
const dos = '2026-08-01';

async function libraryWith(...files: string[]) {
  const library = await openTestLibrary();
  for (const file of files) {
    await importFile(library.ctx, { fileName: path.basename(file), bytes: readFileSync(file) });
  }
  return library;
}

/** A CSV line's cells (quoted cells with commas, as Addendum E writes "HAWAII, GUAM"). */
const cells = (line: string) =>
  (line.match(/("([^"]*)"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/"/g, ''));

/**
 * The expected fee, recomputed apart from src/fees: every number scaled to a fixed number of
 * decimals (RVUs 2, GPCIs 3, conversion factor 4, as the files print them), the formula on
 * BigInt, then half up to the cent by adding half a cent before dividing.
 */
function expectedCents(
  rvus: [string, string, string],
  gpcis: [string, string, string],
  cf: string,
) {
  const fixed = (text: string, places: number) => {
    const [whole, fraction = ''] = text.split('.');
    expect(fraction.length).toBeLessThanOrEqual(places);
    return BigInt(whole! + fraction.padEnd(places, '0'));
  };
  const [w, pe, mp] = rvus.map((r) => fixed(r, 2)) as [bigint, bigint, bigint];
  const [gw, gpe, gmp] = gpcis.map((g) => fixed(g, 3)) as [bigint, bigint, bigint];
  const total = (w * gw + pe * gpe + mp * gmp) * fixed(cf, 4); // scale 10^9
  return (total + 5_000_000n) / 10_000_000n;
}
const dollars = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;

// The fixture's rows and the real GPCI rows, read here with their CMS column positions.
const fixtureRows = readFileSync(fixtureFile, 'utf8')
  .split(/\r?\n/)
  .map(cells)
  .filter((c) => /^[0-9A-Z]{5}$/.test(c[0] ?? '') && ['A', 'R', 'T'].includes(c[3] ?? ''));
const gpciRows = readFileSync(gpciFile, 'utf8')
  .split(/\r?\n/)
  .map(cells)
  .filter((c) => /^\d{5}$/.test(c[0] ?? ''));
const gpciOf = (state: string, number: string) =>
  gpciRows.find((g) => g[1] === state && g[2] === number)!;

describe('Medicare fees: TEST FIXTURE RVU rows × the real CY2026 GPCI file', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const fee = (code: string, locality: string, more: { modifier?: string; date?: string } = {}) =>
    medicareFee(ctx, { code, locality, date: more.date ?? dos, lang: 'en', ...more });

  beforeAll(async () => {
    ({ opened, ctx } = await libraryWith(fixtureFile, gpciFile));
  });
  afterAll(async () => opened.close());

  const localities: [string, string, string][] = [
    ['Manhattan', 'NY', '01'],
    ['Alabama', 'AL', '00'],
    ['rest of California', 'CA', '75'],
    ['Alaska', 'AK', '01'],
    ['Queens', 'NY', '04'],
    ['WY 21', 'WY', '21'],
  ];
  const pairs = fixtureRows.flatMap((row) => localities.map((l) => [row, l] as const));

  it('covers at least 8 priced codes and 20 code × locality pairs', () => {
    expect(new Set(fixtureRows.map((r) => r[0])).size).toBeGreaterThanOrEqual(8);
    expect(pairs.length).toBeGreaterThanOrEqual(20);
  });

  it.each(
    pairs.map(([row, l]) => [`${row[0]}${row[1] ? `-${row[1]}` : ''}`, l[0], row, l] as const),
  )(
    '%s in %s: both settings equal an independent recomputation',
    async (_label, words, row, [, state, number]) => {
      const result = await fee(row[0]!, words, row[1] ? { modifier: row[1] } : {});
      expect(result.outcome).toBe('priced');
      expect(result.locality).toMatchObject({ state, localityNumber: number });
      const g = gpciOf(state, number);
      const gpcis: [string, string, string] = [g[4]!, g[5]!, g[6]!];
      const [work, nfPe, nfNa, fPe, fNa, mp, cf] = [5, 6, 7, 8, 9, 10, 25].map((i) => row[i]!);
      const settings = [
        [result.nonFacility!, nfPe, nfNa],
        [result.facility!, fPe, fNa],
      ] as const;
      for (const [computed, pe, na] of settings) {
        if (na === 'NA') {
          expect(computed).toEqual({
            setting: computed.setting,
            amount: null,
            naIndicator: true,
            arithmetic: null,
          });
          continue;
        }
        const cents = expectedCents([work!, pe!, mp!], gpcis, cf!);
        expect(computed.amount).toBe(dollars(cents));
        // A float recomputation lands within a cent (it may round a half cent the other way).
        const float =
          (Number(work) * Number(gpcis[0]) +
            Number(pe) * Number(gpcis[1]) +
            Number(mp) * Number(gpcis[2])) *
          Number(cf);
        expect(Math.abs(Math.round(float * 100) - Number(cents))).toBeLessThanOrEqual(1);
        expect(computed.arithmetic).toMatchObject({
          workGpci: gpcis[0],
          peGpci: gpcis[1],
          mpGpci: gpcis[2],
        });
      }
      // Both rows cited: the RVU row's and the GPCI row's own lines.
      expect(result.citations.rvu?.locator).toMatch(/^line \d+$/);
      const gpciLine = readFileSync(gpciFile, 'utf8').split(/\r?\n/)[
        Number(result.citations.gpci?.locator.slice(5)) - 1
      ];
      expect(gpciLine?.startsWith(`${g[0]},${state},${number},`)).toBe(true);
      expect(result.citations.gpci?.version).toBe('CY2026');
    },
  );

  it('an NA indicator leaves that setting without a fee', async () => {
    const knee = await fee('27447', 'Manhattan');
    expect(knee.outcome).toBe('priced');
    expect(knee.nonFacility).toMatchObject({ amount: null, naIndicator: true });
    expect(knee.facility?.amount).toMatch(/^\d+\.\d\d$/);
    expect(knee.text).toContain('Non-facility: no fee (the RVU file marks this setting NA)');
    expect(knee.text).not.toContain('$0.00');
  });

  it('statuses the formula does not price say so, never $0.00', async () => {
    for (const [code, status] of [
      ['64999', 'C'],
      ['0275T', 'I'],
    ] as const) {
      const result = await fee(code, 'Manhattan');
      expect(result).toMatchObject({
        outcome: 'not-priced',
        status,
        nonFacility: null,
        facility: null,
      });
      expect(result.citations.rvu?.locator).toMatch(/^line \d+$/);
      expect(result.text).toBe(
        `${code} is not priced under the Medicare physician fee schedule (status ${status}): the RVU file gives no allowed amount for it.`,
      );
    }
  });

  it('says what the library lacks: a row, a version in force, a locality', async () => {
    expect((await fee('99999', 'Manhattan')).outcome).toBe('no-rvu-row');
    expect((await fee('64483', 'Manhattan', { modifier: '53' })).outcome).toBe('no-rvu-row');
    expect((await fee('64483', 'Manhattan', { date: '2026-03-01' })).outcome).toBe('no-rvu-table');
    const unknown = await fee('64483', 'Atlantis');
    expect(unknown.outcome).toBe('locality-unknown');
    expect(unknown.candidates).toHaveLength(109);
    expect(unknown.text).toContain('MANHATTAN (NY 01)');
    const ambiguous = await fee('64483', 'San Francisco');
    expect(ambiguous.outcome).toBe('locality-ambiguous');
    expect(ambiguous.candidates.map((c) => c.localityName)).toEqual([
      expect.stringContaining('SAN FRANCISCO'),
      expect.stringContaining('SAN FRANCISCO'),
    ]);
  });

  it('prints the arithmetic (three fees for the report)', async () => {
    const shown: FeeResult[] = [
      await fee('64483', 'Manhattan'),
      await fee('99213', 'Alabama'),
      await fee('77003', 'rest of California', { modifier: '26' }),
    ];
    for (const result of shown) {
      expect(result.text).toMatch(/Formula: \(/);
      console.log(`${result.text}\n`);
    }
  });
});

describe('Medicare fees: the real RVU excerpt (status I and J rows, zero RVUs)', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await libraryWith(excerptFile, gpciFile));
  });
  afterAll(async () => opened.close());

  it.each([
    ['0001F', 'I'],
    ['00100', 'J'],
  ])('%s (status %s) is answered "not priced", never $0.00', async (code, status) => {
    const result = await medicareFee(ctx, { code, locality: 'Manhattan', date: dos, lang: 'en' });
    expect(result).toMatchObject({
      outcome: 'not-priced',
      status,
      nonFacility: null,
      facility: null,
    });
    expect(result.text).toContain(
      `not priced under the Medicare physician fee schedule (status ${status})`,
    );
    expect(result.text).not.toMatch(/\$\s*0\.00/);
  });
});
