import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase } from '../db/test-databases.ts';
import { REFERENCE_ORG } from '../domain/reference-org.ts';
import { importFile } from '../library/import.service.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { removeDocument } from '../library/library.service.ts';
import { testContext } from '../../test/support/test-context.ts';
import { createCardCache } from './card-cache.ts';
import { LruMap } from './lru-map.ts';
import { composeCard, type CardRequest } from './compose-card.ts';
import type { Card } from './card-types.ts';

// SAMPLE wording written for this test, not AMA descriptor text.
const table = (rows: string[]) => ({
  fileName: 'sample-codes.csv',
  bytes: Buffer.from(['Code,Long Descriptor', ...rows].join('\n') + '\n'),
});
const request: CardRequest = {
  code: '62264',
  dos: '2026-11-27',
  setting: 'practitioner',
  lang: 'en',
};

const hasDescriptorConflict = (card: Card) =>
  card.conflicts.some((c) => c.section === 'descriptor');

describe('the card cache', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    opened = await openTestDatabase('pglite');
    ctx = testContext(opened);
    await importFile(
      ctx,
      table([
        '62264,SAMPLE WORDING (not AMA text): first sample procedure',
        '62263,SAMPLE WORDING (not AMA text): second sample procedure',
        '62281,SAMPLE WORDING (not AMA text): third sample procedure',
      ]),
    );
  });
  afterAll(async () => opened.close());

  test('a hit returns the same card, frozen; another input is another card', async () => {
    const cache = createCardCache({ entries: 10 });
    const first = await cache.card(ctx, request);
    expect(await cache.card(ctx, request)).toBe(first);
    expect(Object.isFrozen(first.sections)).toBe(true);
    expect(() => (first.sections as unknown[]).push(null)).toThrow();
    for (const other of [
      { ...request, lang: 'es' as const },
      { ...request, dos: '2026-11-28' },
      { ...request, setting: 'hospital' as const },
      { ...request, code: '62263' },
      { ...request, system: 'cpt' as const },
    ]) {
      const card = await cache.card(ctx, other);
      expect(card).not.toBe(first);
      expect(await cache.card(ctx, other)).toBe(card);
    }
    expect(cache.size).toBe(6);
  });

  test('concurrent misses compose once', async () => {
    const cache = createCardCache({ entries: 10 });
    const [a, b] = await Promise.all([cache.card(ctx, request), cache.card(ctx, request)]);
    expect(a).toBe(b);
  });

  test('an import or a removal through another context (another instance) makes the next card new', async () => {
    const cache = createCardCache({ entries: 10 });
    const before = await cache.card(ctx, request);
    // Another instance: its own context over the same store, which this cache never sees.
    const elsewhere = testContext(opened);
    const added = await importFile(elsewhere, {
      ...table(['62264,SAMPLE WORDING (not AMA text): a second table words it otherwise']),
      fileName: 'sample-other.csv',
    });
    const after = await cache.card(ctx, request);
    expect(after).not.toBe(before);
    expect(after.libraryVersion).not.toBe(before.libraryVersion);
    expect(after.conflicts.some((c) => c.section === 'descriptor')).toBe(true);
    expect(await cache.card(ctx, request)).toBe(after);
    await removeDocument(elsewhere, added.document.id);
    const removed = await cache.card(ctx, request);
    expect(removed).not.toBe(after);
    expect(removed.conflicts.some((c) => c.section === 'descriptor')).toBe(false);
    expect(removed.libraryVersion).toBe(before.libraryVersion);
  });

  test('a card composed while an import commits is returned but not kept', async () => {
    let importing = true;
    const cache = createCardCache({
      entries: 10,
      compose: async (reading, req) => {
        const card = await composeCard(reading, req);
        if (importing) {
          importing = false;
          const added = await importFile(testContext(opened), {
            ...table(['62264,SAMPLE WORDING (not AMA text): committed mid-composition']),
            fileName: 'sample-mid.csv',
          });
          addedId = added.document.id;
        }
        return card;
      },
    });
    let addedId = 0;
    const during = await cache.card(ctx, request);
    expect(hasDescriptorConflict(during)).toBe(false);
    expect(cache.size).toBe(0);
    const next = await cache.card(ctx, request);
    expect(hasDescriptorConflict(next)).toBe(true);
    expect(await cache.card(ctx, request)).toBe(next);
    await removeDocument(ctx, addedId);
  });

  test('two organizations with the same library never share a card', async () => {
    const store = await openTestDatabase('pglite');
    try {
      const base = testContext(store);
      // Instance-wide reference data only: both organizations see the same documents.
      await importFile(
        forOrg(base, REFERENCE_ORG),
        table(['62264,SAMPLE WORDING (not AMA text): shared sample procedure']),
      );
      const cache = createCardCache({ entries: 10 });
      const one = await cache.card(forOrg(base, 'one'), request);
      const two = await cache.card(forOrg(base, 'two'), request);
      expect(two).not.toBe(one);
      expect(two).toEqual(one);
      expect(cache.size).toBe(2);
      expect(await cache.card(forOrg(base, 'one'), request)).toBe(one);
    } finally {
      await store.close();
    }
  });

  test('bounded: the least recently used card goes first; 0 entries keeps none', async () => {
    const cache = createCardCache({ entries: 2 });
    const a = await cache.card(ctx, request);
    const b = await cache.card(ctx, { ...request, code: '62263' });
    expect(await cache.card(ctx, request)).toBe(a); // a is now the most recent
    await cache.card(ctx, { ...request, code: '62281' }); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.card(ctx, request)).toBe(a);
    expect(await cache.card(ctx, { ...request, code: '62263' })).not.toBe(b);
    const off = createCardCache({ entries: 0 });
    expect(await off.card(ctx, request)).not.toBe(await off.card(ctx, request));
    expect(off.size).toBe(0);
  });

  test('a code the library lacks is not cached as a card', async () => {
    const cache = createCardCache({ entries: 10 });
    await expect(cache.card(ctx, { ...request, code: '99999' })).rejects.toThrow(
      /not in your library/,
    );
    expect(cache.size).toBe(0);
  });
});

describe('LruMap', () => {
  test('keeps the most recently used entries', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
    map.set('a', 4);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(4);
  });
});
