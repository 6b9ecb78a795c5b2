import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { createCardCache } from '../cards/card-cache.ts';
import { composeCard } from '../cards/compose-card.ts';
import { askQuestion } from './ask.service.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

let opened: OpenDatabase;
let ctx: LibraryContext;

beforeAll(async () => {
  ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
}, 120_000);
afterAll(async () => opened.close());

test('an answer with cards takes them from the card cache it is given, as the card route does', async () => {
  const composed: string[] = [];
  const cards = createCardCache({
    entries: 10,
    compose: (reading, request) => {
      composed.push(request.code);
      return composeCard(reading, request);
    },
  });
  const request = {
    code: '62264',
    dos: '2026-03-02',
    setting: 'practitioner',
    lang: 'en',
  } as const;
  const shown = await cards.card(ctx, request);
  const { answer } = await askQuestion(
    ctx,
    { question: 'Racz procedure', dos: '2026-03-02' },
    { cards },
  );
  expect(answer.cards?.map((card) => card.code)).toEqual(['62263', '62264']);
  // 62264 was in the cache already: the answer shows that very card; only 62263 was composed.
  expect(answer.cards?.[1]).toBe(shown);
  expect(composed).toEqual(['62264', '62263']);
  await askQuestion(ctx, { question: 'Racz procedure', dos: '2026-03-02' }, { cards });
  expect(composed).toEqual(['62264', '62263']);
});
