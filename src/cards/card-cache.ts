import { createHash } from 'node:crypto';
import type { LibraryContext } from '../library/library-context.ts';
import { readingContext, sameVersions } from '../rules/library-version-reader.ts';
import type { LibraryVersions } from '../rules/library-version.repository.ts';
import { currentLibraryVersions } from '../rules/library-versions.ts';
import type { Card } from './card-types.ts';
import { composeCard, type CardRequest } from './compose-card.ts';
import { LruMap } from './lru-map.ts';

export interface CardCache {
  /** The card for the request: a cached one while the org's library is unchanged, else new. */
  card(ctx: LibraryContext, request: CardRequest): Promise<Card>;
  readonly size: number;
  clear(): void;
}

/**
 * Composed cards, most recently used first, keyed by organization, both library versions (the
 * NCCI edits and everything else, read from the primary at each request) and every input of
 * `composeCard` (code, system, date of service, setting, language). A card holds nothing about
 * the user who asked (the view event is recorded by the caller), so users of one organization
 * may share it; two organizations never do. An import or a removal committed by any instance
 * changes a version, so the next request misses: no cache ever serves an older library. A card
 * is stored only if the library it was read from did not change while it was composed.
 * Cards are frozen: every caller gets the same object.
 */
export function createCardCache({
  entries,
  compose: composeWith = composeCard,
}: {
  entries: number;
  /** Tests only: stands in for composeCard (to commit an import while a card is composed). */
  compose?: typeof composeCard;
}): CardCache {
  const cards = new LruMap<string, Card>(entries);
  // Concurrent misses for one key compose once (a burst of coders opening the same code).
  const composing = new Map<string, Promise<Card>>();
  return {
    async card(ctx, request) {
      if (entries <= 0) return composeWith(await readingContext(ctx), request);
      const versions = await currentLibraryVersions(ctx);
      const key = cardKey(ctx.orgId, versions, request);
      const cached = cards.get(key) ?? composing.get(key);
      if (cached) return cached;
      const card = compose(composeWith, ctx, versions, request).then((composed) => {
        if (composed.unchanged) cards.set(key, composed.card);
        return composed.card;
      });
      composing.set(key, card);
      try {
        return await card;
      } finally {
        composing.delete(key);
      }
    },
    get size() {
      return cards.size;
    },
    clear: () => cards.clear(),
  };
}

async function compose(
  composeWith: typeof composeCard,
  ctx: LibraryContext,
  versions: LibraryVersions,
  request: CardRequest,
): Promise<{ card: Card; unchanged: boolean }> {
  const reading = await readingContext(ctx, versions);
  const card = deepFreeze(await composeWith(reading, request));
  const after = await currentLibraryVersions(reading);
  return { card, unchanged: sameVersions(versions, after) };
}

function cardKey(orgId: string, versions: LibraryVersions, request: CardRequest): string {
  const { code, system, dos, setting, lang } = request;
  return createHash('sha256')
    .update(
      JSON.stringify([
        orgId,
        versions.ncci,
        versions.reference,
        code,
        system ?? null,
        dos,
        setting,
        lang,
      ]),
    )
    .digest('base64url');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
