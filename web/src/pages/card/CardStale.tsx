import type { Card } from '../../../../src/contracts/cards.ts';
import { useLocale } from '../../i18n/locale-context.tsx';

/** The datasets the card read whose release is older than the date of service calls for. */
export function CardStale({ card }: { card: Card }) {
  const { t, locale, dir } = useLocale();
  const stale = card.stale ?? [];
  if (stale.length === 0) return null;
  return (
    <div className="card-stale" role="note" lang={locale} dir={dir}>
      <p>
        <strong>{t('card.staleTitle')}</strong>
      </p>
      <ul>
        {stale.map((s) => (
          <li key={`${s.kind}|${s.title}`}>
            {t('card.staleItem', {
              title: s.title,
              releasePeriod: s.releasePeriod,
              datePeriod: s.datePeriod,
              date: card.dos,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
