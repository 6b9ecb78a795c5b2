import type { Card } from '../../../../../src/contracts/cards.ts';
import type { FeeLocality, SettingFee } from '../../../../../src/contracts/fees.ts';
import { useLocale } from '../../../i18n/locale-context.tsx';

/** "MANHATTAN (NY 01)": the locality as the GPCI file names it, footnote marks left out. */
const localityLabel = (l: FeeLocality) =>
  `${l.localityName.replace(/\*+\s*$/, '').trim()} (${l.state} ${l.localityNumber})`;

/**
 * The card's "Medicare fee" part, when the card was asked for a locality: each setting's
 * allowed amount, the formula with the numbers used in an expandable, and the two rows cited.
 * Without an amount (not priced, a missing file or locality) the server's sentence says why.
 */
export function CardFee({ card }: { card: Card }) {
  const { t } = useLocale();
  const fees = card.fees;
  if (!fees) return null;
  const place = fees.locality ? localityLabel(fees.locality) : '';
  const settings = [fees.nonFacility, fees.facility].filter((s): s is SettingFee => s !== null);
  const sources = [fees.citations.rvu, fees.citations.gpci].filter((c) => c !== null);
  return (
    <section className="card-section card-fee" aria-labelledby="card-fee-title">
      <h2 id="card-fee-title">{t('cardFee.title')}</h2>
      {fees.outcome === 'priced' ? (
        <ul className="card-items">
          {settings.map((fee) => (
            <li key={fee.setting}>
              {fee.amount === null
                ? t('cardFee.none', { locality: place, setting: fee.setting })
                : t('cardFee.amount', {
                    locality: place,
                    setting: fee.setting,
                    amount: fee.amount,
                  })}
              {fee.arithmetic && (
                <details>
                  <summary>{t('cardFee.formula')}</summary>
                  <p className="card-fee-formula" dir="ltr">
                    ({fee.arithmetic.workRvu} × {fee.arithmetic.workGpci} + {fee.arithmetic.peRvu} ×{' '}
                    {fee.arithmetic.peGpci} + {fee.arithmetic.mpRvu} × {fee.arithmetic.mpGpci}) ×{' '}
                    {fee.arithmetic.conversionFactor} = {fee.arithmetic.exact} → $
                    {fee.arithmetic.amount}
                  </p>
                </details>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p lang={card.lang}>{fees.text}</p>
      )}
      {sources.length > 0 && (
        <p className="muted">
          {t('cardFee.sources')}{' '}
          {sources
            .map((c) => `${c.title}${c.version ? ` ${c.version}` : ''}, ${c.locator}`)
            .join('; ')}
        </p>
      )}
    </section>
  );
}
