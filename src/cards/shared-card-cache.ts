import type { LibraryContext } from '../library/library-context.ts';
import { createCardCache } from './card-cache.ts';
import type { Card } from './card-types.ts';
import type { CardRequest } from './compose-card.ts';

// The process's one card cache; its size comes from config (CODECARD_CARD_CACHE_ENTRIES).
let shared = createCardCache({ entries: 2000 });

/** Sets the number of cards the process keeps (0: none); the cards kept so far are dropped. */
export function configureCardCache(entries: number): void {
  shared = createCardCache({ entries });
}

/** The card for the request, from the process's card cache (src/cards/card-cache.ts). */
export function cachedCard(ctx: LibraryContext, request: CardRequest): Promise<Card> {
  return shared.card(ctx, request);
}
