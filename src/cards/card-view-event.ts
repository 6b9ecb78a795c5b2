import { recordEvent, type LibraryContext } from '../library/library-context.ts';

/** A card was shown (over HTTP or in the terminal): its code and language, nothing else. */
export function recordCardView(
  ctx: LibraryContext,
  card: { system: string; code: string; lang: string },
): void {
  recordEvent(ctx, {
    type: 'card-view',
    data: { system: card.system, code: card.code, lang: card.lang },
  });
}
