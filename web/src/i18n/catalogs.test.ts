import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import { localeCodes } from '../../../src/domain/locale.ts';

const root = join(import.meta.dirname, '..');

/** Every `messages` folder of the web app: one per feature, one JSON per locale. */
function messageFolders(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry === 'messages') found.push(path);
    else found.push(...messageFolders(path));
  }
  return found;
}

const read = (folder: string, locale: string) =>
  JSON.parse(readFileSync(join(folder, `${locale}.json`), 'utf8')) as Record<string, string>;

const folders = messageFolders(root);
const pluralCategories = (locale: string) =>
  new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

describe.each(folders.map((f) => [relative(root, f), f]))('web catalogs in %s', (_name, folder) => {
  const english = read(folder, 'en');

  test.each(localeCodes.map((l) => [l]))(
    '%s has exactly the English keys, all valid ICU',
    (locale) => {
      const catalog = read(folder, locale);
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(catalog)) {
        expect(message, `${locale} ${key}`).not.toMatch(/'/);
        expect(message.trim(), `${locale} ${key} is empty`).not.toBe('');
        const format = new IntlMessageFormat(message, locale);
        // Every plural the locale needs has its branch (or the message has no plural at all).
        for (const match of message.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)) {
          for (const category of pluralCategories(locale))
            if (category !== 'other')
              expect(message, `${locale} ${key} ${match[1]} needs "${category}"`).toMatch(
                new RegExp(`(?:^|[\\s}])(?:${category}|=\\d+)\\s*\\{`),
              );
        }
        expect(format).toBeTruthy();
      }
    },
  );

  test('Arabic isolates every placeholder from the right-to-left text around it', () => {
    for (const [key, message] of Object.entries(read(folder, 'ar'))) {
      for (const match of message.matchAll(/\{(\w+)\}/g)) {
        const at = match.index;
        expect(message[at - 1], `ar ${key} {${match[1]}}`).toBe('\u2068');
        expect(message[at + match[0].length], `ar ${key} {${match[1]}}`).toBe('\u2069');
      }
    }
  });

  test('translations are not English left in place', () => {
    for (const locale of localeCodes.filter((l) => l !== 'en')) {
      const catalog = read(folder, locale);
      const same = Object.keys(english).filter(
        (key) => catalog[key] === english[key] && /[a-z]{4}/.test(english[key]!),
      );
      // Product words (Codecard, Tagalog "Version") may stay; most strings may not.
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThanOrEqual(
        Math.max(2, Object.keys(english).length * 0.15),
      );
    }
  });
});
