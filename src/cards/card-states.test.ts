import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { cardNotFoundSchema } from '../contracts/card-not-found.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { composeCard } from './compose-card.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

describe('card states: not in the library, data older than the date', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
  }, 120_000);
  afterAll(async () => opened.close());

  const failure = async (code: string, dos = '2026-03-02') => {
    const request = { code, dos, setting: 'practitioner', lang: 'en' } as const;
    const error = await composeCard(ctx, request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodecardError);
    return error as CodecardError;
  };

  test('is NOT_FOUND naming the releases searched and the nearest codes the library knows', async () => {
    const error = await failure('62265');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('62265 is not in your library for the date of service 2026-03-02.');
    const details = cardNotFoundSchema.parse(error.details);
    expect(details).toMatchObject({ kind: 'card-not-found', code: '62265', dos: '2026-03-02' });
    const kinds = details.searched.map((s) => s.kind);
    for (const kind of ['code-table', 'ncci-ptp', 'ncci-mue', 'mpfs-rvu', 'add-on', 'coverage'])
      expect(kinds).toContain(kind);
    expect(details.searched.find((s) => s.kind === 'ncci-ptp')).toMatchObject({
      effectiveFrom: '2026-01-01',
    });
    // 62264 and 62263 share "6226"; 62264 is the closer.
    expect(details.nearest.map((n) => n.code).slice(0, 2)).toEqual(['62264', '62263']);
    for (const near of details.nearest) expect(near.description).not.toBe('');
  });

  test('names no release in force before the library has any', async () => {
    const details = cardNotFoundSchema.parse((await failure('62265', '1990-01-01')).details);
    expect(details.searched.filter((s) => s.kind === 'ncci-ptp')).toEqual([]);
  });

  test('flags the datasets whose release is older than the date of service calls for', async () => {
    const request = { code: '62264', setting: 'practitioner', lang: 'en' } as const;
    expect((await composeCard(ctx, { ...request, dos: '2026-03-02' })).stale).toEqual([]);
    const late = await composeCard(ctx, { ...request, dos: '2026-11-27' });
    expect(
      late.stale?.map((s) => [s.kind, s.effectiveFrom, s.releasePeriod, s.datePeriod]),
    ).toEqual([
      ['ncci-mue', '2026-01-01', '2026 Q1', '2026 Q4'],
      ['ncci-ptp', '2026-01-01', '2026 Q1', '2026 Q4'],
    ]);
    // Named as the card's citations name them, never by file name.
    expect(late.stale?.map((s) => s.title)).toEqual([
      'NCCI MUE, practitioner, 2026-01-01',
      'NCCI PTP, practitioner, v32.0',
    ]);
  });
});
