import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { detectSentenceLanguage } from '../library/language-detect.ts';
import { composeCard } from './compose-card.ts';
import { cardLanguageItems } from './card-language.ts';
import type { Card, CardItem } from './card-types.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

const prose = (text: string, lang: string): CardItem => ({
  text,
  lang,
  citations: [{ documentId: 1, title: 'd', version: null, locator: 'text', quote: text }],
});
const isProseItem = (item: CardItem) => item.citations.some((c) => c.quote !== undefined);
const fact = (text: string, lang: string): CardItem => ({
  text,
  lang,
  citations: [{ documentId: 2, title: 't', version: null, locator: 'row 1' }],
});

describe('cardLanguageItems', () => {
  test('prose in the card language shuts out prose in other languages', () => {
    const items = [prose('uno', 'es'), prose('one', 'en'), fact('row', 'en'), prose('一', 'zh')];
    expect(cardLanguageItems(items, 'en')).toEqual([prose('one', 'en'), fact('row', 'en')]);
  });

  test('without prose in the card language, one other language is quoted and marked', () => {
    const items = [fact('fila', 'es'), prose('one', 'en'), prose('two', 'en'), prose('一', 'zh')];
    expect(cardLanguageItems(items, 'es')).toEqual([
      fact('fila', 'es'),
      { ...prose('one', 'en'), quoted: true },
      { ...prose('two', 'en'), quoted: true },
    ]);
    // The language most items are in; English on a tie.
    expect(cardLanguageItems([prose('一', 'zh'), prose('one', 'en')], 'ar')).toEqual([
      { ...prose('one', 'en'), quoted: true },
    ]);
  });
});

/** Issue 16: the right sentence in the right language, over the starter library. */
describe('cards in a language over the starter library', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const cards = new Map<LocaleCode, Card>();

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
    for (const lang of ['en', 'ar', 'es', 'zh'] as const)
      cards.set(
        lang,
        await composeCard(ctx, { code: '62264', dos: '2026-03-02', setting: 'practitioner', lang }),
      );
  }, 120_000);
  afterAll(async () => opened.close());

  const items = (lang: LocaleCode) => cards.get(lang)!.sections.flatMap((s) => s.items);

  // Statements built from facts are the locale's templates; a descriptor they quote is the
  // code table's own wording (English in the starter library), so prose is what is checked.
  test.each(['en', 'ar', 'es', 'zh'] as const)(
    'the %s card holds no sentence in another language unless it is a marked quote',
    (lang) => {
      const checked = lang === 'en' ? items(lang) : items(lang).filter(isProseItem);
      expect(checked.length).toBeGreaterThan(0);
      for (const item of checked) {
        const detected = detectSentenceLanguage(item.text, item.lang);
        if (item.quoted) expect(item.lang, item.text).not.toBe(lang);
        else expect([item.lang, detected], item.text).toEqual([lang, lang]);
      }
    },
  );

  test('the English "In simple words" is the English leaflet, none of the Spanish one', () => {
    const simple = cards.get('en')!.sections.find((s) => s.id === 'simple-words')!.items;
    expect(simple.length).toBeGreaterThan(0);
    expect(simple.filter((i) => i.lang !== 'en')).toEqual([]);
  });

  test('the Arabic card shows the Arabic leaflet’s statements', () => {
    const arabic = items('ar').filter((i) => i.lang === 'ar' && i.citations.some((c) => c.quote));
    expect(arabic.length).toBeGreaterThan(0);
    for (const item of arabic) expect(item.text).toMatch(/\p{Script=Arabic}/u);
    const simple = cards.get('ar')!.sections.find((s) => s.id === 'simple-words')!.items;
    expect(simple.some((i) => i.lang === 'ar' && !i.quoted)).toBe(true);
  });

  test('the Chinese card shows the Chinese leaflet in simple words', () => {
    const simple = cards.get('zh')!.sections.find((s) => s.id === 'simple-words')!.items;
    const chinese = simple.filter((i) => i.lang === 'zh' && !i.quoted && isProseItem(i));
    expect(chinese.length).toBeGreaterThan(0);
    for (const item of chinese) expect(item.text).toMatch(/\p{Script=Han}/u);
  });

  test('no card item is a table row', () => {
    for (const lang of cards.keys())
      for (const item of items(lang)) expect(item.text, item.text).not.toMatch(/\s\|\s|^\||-{3,}/);
  });
});
