import type { LocaleCode } from '../../../src/domain/locale.ts';

type Catalog = Record<string, string>;

// Every feature keeps its own catalogs (`<feature>/messages/<locale>.json`), so pages can be
// worked on apart. English ships with the app as the fallback; other languages load on demand.
const english = import.meta.glob<Catalog>('../**/messages/en.json', {
  eager: true,
  import: 'default',
});
const others = import.meta.glob<Catalog>(['../**/messages/*.json', '!../**/messages/en.json'], {
  import: 'default',
});

export const englishCatalog: Catalog = Object.assign({}, ...Object.values(english)) as Catalog;

/** Every message of a language, merged over its features. */
export async function loadCatalog(locale: LocaleCode): Promise<Catalog> {
  if (locale === 'en') return englishCatalog;
  const loaders = Object.entries(others)
    .filter(([path]) => path.endsWith(`/messages/${locale}.json`))
    .map(([, load]) => load());
  return Object.assign({}, ...(await Promise.all(loaders))) as Catalog;
}
