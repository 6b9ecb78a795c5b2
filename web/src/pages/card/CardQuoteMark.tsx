import { useLocale } from '../../i18n/locale-context.tsx';

/** The language of a code, in the reader's language ("Spanish", "español"); the code if unknown. */
function languageName(lang: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/**
 * Marks a card item quoted from a source in another language than the card's (the library has
 * nothing on it in the card's language), naming that language.
 */
export function CardQuoteMark({ lang }: { lang: string }) {
  const { t, locale, dir } = useLocale();
  return (
    <span className="card-quote-mark" lang={locale} dir={dir}>
      {t('card.quotedFrom', { language: languageName(lang, locale) })}
    </span>
  );
}
