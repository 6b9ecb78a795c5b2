/** The ten interface and content languages, as BCP 47 primary language subtags. */
export const localeCodes = ['en', 'es', 'zh', 'ru', 'ar', 'vi', 'fr', 'de', 'ko', 'tl'] as const;

export type LocaleCode = (typeof localeCodes)[number];

export function isLocaleCode(value: string): value is LocaleCode {
  return (localeCodes as readonly string[]).includes(value);
}
