import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertOrg } from '../access/orgs.repository.ts';
import type { Claim, ClaimLine } from '../claims/claim-types.ts';
import { checkAllClaims } from '../check/check-claims.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { addWatchedCodes, removeWatchedCodes, watchList } from './watch-list.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

function claim(id: string, ...lines: Partial<ClaimLine>[]): Claim {
  return {
    id,
    setting: 'practitioner',
    lines: lines.map((line, i) => ({
      code: '62264',
      modifiers: [],
      units: 1,
      dateOfService: '2026-03-02',
      diagnoses: ['M54.16'],
      provider: 'DR-SAMPLE',
      source: `line ${i + 1}`,
      ...line,
    })),
  };
}

const brief = (list: Awaited<ReturnType<typeof watchList>>) =>
  list.map((w) => [w.code, w.system, w.sources.join('+')]);

describe.each(testDatabaseKinds())('the watch list (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let other: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind));
    await insertOrg(ctx.db, { id: 'org-b', name: 'Organization B' });
    other = forOrg(ctx, 'org-b');
  });
  afterAll(async () => opened.close());

  test('chosen codes: stored once per code, read by shape, removed again', async () => {
    expect(await addWatchedCodes(ctx, ['64483', ' j1040 ', 'm54.50', '64483'], null)).toEqual({
      changed: ['64483', 'J1040', 'M54.50'],
      unchanged: ['64483'],
    });
    expect(brief(await watchList(ctx))).toEqual([
      ['64483', 'cpt', 'chosen'],
      ['J1040', 'hcpcs', 'chosen'],
      ['M54.50', 'icd10cm', 'chosen'],
    ]);
    expect(await removeWatchedCodes(ctx, ['J1040', '20610'])).toEqual({
      changed: ['J1040'],
      unchanged: ['20610'],
    });
    expect(brief(await watchList(ctx)).map(([code]) => code)).toEqual(['64483', 'M54.50']);
  });

  test('a code of no watched system adds nothing, not even the good ones before it', async () => {
    await expect(addWatchedCodes(ctx, ['77003', 'banana'], null)).rejects.toThrow(
      '"banana" is not a CPT, HCPCS or ICD-10-CM code',
    );
    expect((await watchList(ctx)).map((w) => w.code)).not.toContain('77003');
  });

  test('codes seen in checks join the list, marked; diagnoses and claim ids never do', async () => {
    await checkAllClaims(
      ctx,
      [
        claim('PATIENT-1', { code: '64483' }, { code: '77003', diagnoses: ['Z99.89'] }),
        // A diagnosis typed without its dot, in a procedure code's place.
        claim('PATIENT-2', { code: 'M5416' }),
      ],
      'en',
    );
    const list = await watchList(ctx);
    expect(brief(list)).toEqual([
      ['64483', 'cpt', 'chosen+checks'],
      ['77003', 'cpt', 'checks'],
      ['M54.50', 'icd10cm', 'chosen'],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/PATIENT|Z99|M54\.16|M5416|DR-SAMPLE/);
  });

  test('within N days: older checks drop out of the seen codes, chosen codes stay', async () => {
    await sql`insert into events (org_id, type, at, data) values (${ctx.orgId}, 'check',
      ${'2026-01-05T00:00:00Z'}::timestamptz,
      ${JSON.stringify({ claims: 1, lines: 1, codes: { '20610': 1 }, lineCodes: { '20611': 1 } })}::jsonb)`.execute(
      ctx.db,
    );
    const now = new Date('2026-03-01T00:00:00Z');
    const all = (await watchList(ctx)).map((w) => w.code);
    expect(all).toEqual(expect.arrayContaining(['20610', '20611', '77003']));
    const recent = (await watchList(ctx, { days: 30, now })).map((w) => w.code);
    expect(recent).not.toContain('20610');
    expect(recent).not.toContain('20611');
    expect(recent).toContain('M54.50');
  });

  test('organization B never sees A’s list, and its own choices stay its own', async () => {
    expect(await watchList(other)).toEqual([]);
    await addWatchedCodes(other, ['64483'], null);
    expect(await removeWatchedCodes(other, ['M54.50'])).toEqual({
      changed: [],
      unchanged: ['M54.50'],
    });
    expect(brief(await watchList(other))).toEqual([['64483', 'cpt', 'chosen']]);
    expect((await watchList(ctx)).map((w) => w.code)).toContain('M54.50');
  });
});
