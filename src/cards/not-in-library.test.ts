import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { cardNotFoundSchema } from '../contracts/card-not-found.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { composeCard } from './compose-card.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

describe('a card for a code that is not in the library', () => {
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
});
