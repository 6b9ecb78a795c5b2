import type { LocaleCode } from '../../../src/domain/locale.ts';

/** Each language named in itself, so a reader finds their language whatever is shown. */
export const endonyms: Record<LocaleCode, string> = {
  en: 'English',
  es: 'Español',
  zh: '中文',
  ru: 'Русский',
  ar: 'العربية',
  vi: 'Tiếng Việt',
  fr: 'Français',
  de: 'Deutsch',
  ko: '한국어',
  tl: 'Tagalog',
};
