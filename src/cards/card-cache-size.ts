// Cards an app keeps (CODECARD_CARD_CACHE_ENTRIES, config.ts); set before the app is built.
let entries = 1000;

/** Sets how many cards each app built from here on keeps (0: none). */
export function configureCardCache(size: number): void {
  entries = size;
}

export function cardCacheEntries(): number {
  return entries;
}
