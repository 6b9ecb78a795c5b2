import type { LocaleCode } from '../domain/locale.ts';
import type { CardItem } from './card-types.ts';

/** Prose quotes its passage; statements built from table rows cite rows and quote nothing. */
const isProse = (item: CardItem) => item.citations.some((c) => c.quote !== undefined);

/**
 * What one section of a card in `lang` shows: items in that language first; an item in another
 * language only when the section has no prose in the card's language, and then marked as a quote
 * (`quoted`, its `lang` naming the language) from one language: the one most of those items are
 * in (English on a tie, the language most sources are written in). So the English card's "In
 * simple words" holds the English leaflet, not the Spanish one beside it, and an Arabic card
 * shows the English guide's bundling sentences, marked, where no Arabic source has any.
 */
export function cardLanguageItems(items: readonly CardItem[], lang: LocaleCode): CardItem[] {
  const own = items.filter((i) => i.lang === lang);
  const others = items.filter((i) => i.lang !== lang);
  if (others.length === 0 || own.some(isProse)) return own;
  const quoted = quoteLanguage(others);
  return [...own, ...others.filter((i) => i.lang === quoted).map((i) => ({ ...i, quoted: true }))];
}

function quoteLanguage(items: readonly CardItem[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.lang, (counts.get(item.lang) ?? 0) + 1);
  let best = 'en';
  for (const [lang, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = lang;
  }
  return best;
}
