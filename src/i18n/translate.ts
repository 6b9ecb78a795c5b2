import { IntlMessageFormat } from 'intl-messageformat';

import {
  changesCatalogs,
  datingCatalogs,
  factsCatalogs,
  feesCatalogs,
  verdictsCatalogs,
} from './catalog-parts.ts';
import type { LocaleCode } from '../domain/locale.ts';
import arMain from './messages/ar.json' with { type: 'json' };
import deMain from './messages/de.json' with { type: 'json' };
import enMain from './messages/en.json' with { type: 'json' };
import esMain from './messages/es.json' with { type: 'json' };
import frMain from './messages/fr.json' with { type: 'json' };
import koMain from './messages/ko.json' with { type: 'json' };
import ruMain from './messages/ru.json' with { type: 'json' };
import tlMain from './messages/tl.json' with { type: 'json' };
import viMain from './messages/vi.json' with { type: 'json' };
import zhMain from './messages/zh.json' with { type: 'json' };

// Each locale's catalog is its main file plus the area parts (catalog-parts.ts).
const en = {
  ...enMain,
  ...datingCatalogs.en,
  ...factsCatalogs.en,
  ...verdictsCatalogs.en,
  ...feesCatalogs.en,
  ...changesCatalogs.en,
};
const es = {
  ...esMain,
  ...datingCatalogs.es,
  ...factsCatalogs.es,
  ...verdictsCatalogs.es,
  ...feesCatalogs.es,
  ...changesCatalogs.es,
};
const zh = {
  ...zhMain,
  ...datingCatalogs.zh,
  ...factsCatalogs.zh,
  ...verdictsCatalogs.zh,
  ...feesCatalogs.zh,
  ...changesCatalogs.zh,
};
const ru = {
  ...ruMain,
  ...datingCatalogs.ru,
  ...factsCatalogs.ru,
  ...verdictsCatalogs.ru,
  ...feesCatalogs.ru,
  ...changesCatalogs.ru,
};
const ar = {
  ...arMain,
  ...datingCatalogs.ar,
  ...factsCatalogs.ar,
  ...verdictsCatalogs.ar,
  ...feesCatalogs.ar,
  ...changesCatalogs.ar,
};
const vi = {
  ...viMain,
  ...datingCatalogs.vi,
  ...factsCatalogs.vi,
  ...verdictsCatalogs.vi,
  ...feesCatalogs.vi,
  ...changesCatalogs.vi,
};
const fr = {
  ...frMain,
  ...datingCatalogs.fr,
  ...factsCatalogs.fr,
  ...verdictsCatalogs.fr,
  ...feesCatalogs.fr,
  ...changesCatalogs.fr,
};
const de = {
  ...deMain,
  ...datingCatalogs.de,
  ...factsCatalogs.de,
  ...verdictsCatalogs.de,
  ...feesCatalogs.de,
  ...changesCatalogs.de,
};
const ko = {
  ...koMain,
  ...datingCatalogs.ko,
  ...factsCatalogs.ko,
  ...verdictsCatalogs.ko,
  ...feesCatalogs.ko,
  ...changesCatalogs.ko,
};
const tl = {
  ...tlMain,
  ...datingCatalogs.tl,
  ...factsCatalogs.tl,
  ...verdictsCatalogs.tl,
  ...feesCatalogs.tl,
  ...changesCatalogs.tl,
};

/** A message key; the English catalog defines the set and every other locale has the same keys. */
export type MessageKey = keyof typeof en;

/** Values for a message's placeholders (`{name}`, plural and select arguments). */
export type MessageValues = Record<string, string | number>;

/** The raw ICU MessageFormat catalogs, one flat key -> message object per locale. */
export const catalogs: Readonly<Record<LocaleCode, Readonly<Partial<Record<MessageKey, string>>>>> =
  { en, es, zh, ru, ar, vi, fr, de, ko, tl };

/** Every message key, in the English catalog's order. */
export const messageKeys = Object.keys(en) as MessageKey[];

const compiled = new Map<string, IntlMessageFormat>();

function compile(locale: LocaleCode, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    const own = catalogs[locale][key];
    // English is the fallback only for a key missing from a catalog (the tests forbid that);
    // it is then formatted with English plural rules, which its plural branches are written for.
    format =
      own === undefined ? new IntlMessageFormat(en[key], 'en') : new IntlMessageFormat(own, locale);
    compiled.set(cacheKey, format);
  }
  return format;
}

/**
 * The message `key` in `locale`, with `values` filled in. Plain `{name}` placeholders print the
 * value as given (numbers are not grouped, so a year stays "2026"); `#` in plural branches is
 * formatted with the locale's number format. A missing value for a placeholder throws.
 */
export function t(locale: LocaleCode, key: MessageKey, values?: MessageValues): string {
  const out = compile(locale, key).format<string>(values);
  return Array.isArray(out) ? out.join('') : String(out);
}

const directions: Record<LocaleCode, 'ltr' | 'rtl'> = {
  en: 'ltr',
  es: 'ltr',
  zh: 'ltr',
  ru: 'ltr',
  ar: 'rtl',
  vi: 'ltr',
  fr: 'ltr',
  de: 'ltr',
  ko: 'ltr',
  tl: 'ltr',
};

/** The writing direction of `locale`, for `dir` attributes. */
export function textDirection(locale: LocaleCode): 'ltr' | 'rtl' {
  return directions[locale];
}

const displayNames = new Map<LocaleCode, Intl.DisplayNames>();

/**
 * The name of language `locale` written in `inLocale`, e.g. ('es', 'es') -> "Español",
 * ('ar', 'ar') -> "العربية", ('de', 'en') -> "German".
 *
 * `standalone` (the default) capitalizes the first letter, for menus, headings and language
 * pickers; `sentence` gives the running-text form ("inglés", "anglais", "tiếng Anh"), which is
 * what the `{original}` and `{language}` placeholders of `card.notInLanguage` expect.
 */
export function languageName(
  locale: LocaleCode,
  inLocale: LocaleCode,
  context: 'standalone' | 'sentence' = 'standalone',
): string {
  let names = displayNames.get(inLocale);
  if (names === undefined) {
    names = new Intl.DisplayNames([inLocale], { type: 'language', fallback: 'code' });
    displayNames.set(inLocale, names);
  }
  const name = names.of(locale) ?? locale;
  if (context === 'sentence') {
    // CLDR spells Vietnamese names "Tiếng Anh"; in running text the noun is lower case.
    return inLocale === 'vi' ? name.replace(/^Tiếng /u, 'tiếng ') : name;
  }
  const first = String.fromCodePoint(name.codePointAt(0) ?? 0);
  return first.toLocaleUpperCase(inLocale) + name.slice(first.length);
}
