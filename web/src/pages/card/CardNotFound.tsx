import type { CardNotFound as NotFoundDetails } from '../../../../src/contracts/card-not-found.ts';
import { ApiError } from '../../api/client.ts';
import { Link } from '../../app/router.tsx';
import { cardHref } from '../../components/code-links.ts';
import { useLocale } from '../../i18n/locale-context.tsx';

/** The details of a card's NOT_FOUND, when the error carries them. */
export function cardNotFoundDetails(error: Error | null): NotFoundDetails | null {
  if (!(error instanceof ApiError) || error.code !== 'NOT_FOUND') return null;
  const details = error.details;
  return details?.kind === 'card-not-found' ? (details as unknown as NotFoundDetails) : null;
}

/**
 * "Not in the library": the server's reason, the table releases searched for the date, and the
 * nearest codes the library describes, as links to their cards on the same date and language.
 */
export function CardNotFound({
  message,
  details,
  setting,
  lang,
}: {
  message: string;
  details: NotFoundDetails;
  setting: string;
  lang: string;
}) {
  const { t } = useLocale();
  return (
    <section className="card-not-found" aria-labelledby="card-not-found-title">
      <h1 id="card-not-found-title">
        {t('card.notFound.title', { code: details.code, date: details.dos })}
      </h1>
      <p role="status">{message}</p>
      <h2>{t('card.notFound.searched', { date: details.dos })}</h2>
      {details.searched.length === 0 ? (
        <p>{t('card.notFound.nothingSearched', { date: details.dos })}</p>
      ) : (
        <ul className="card-not-found-searched">
          {details.searched.map((release) => (
            <li key={`${release.kind}|${release.title}|${release.effectiveFrom ?? ''}`}>
              <bdi>{release.title}</bdi>
              {release.release && (
                <>
                  {' '}
                  (<bdi>{release.release}</bdi>)
                </>
              )}
              {release.effectiveFrom && (
                <> {t('card.notFound.inForceFrom', { date: release.effectiveFrom })}</>
              )}
            </li>
          ))}
        </ul>
      )}
      {details.nearest.length > 0 && (
        <>
          <h2>{t('card.notFound.nearest')}</h2>
          <ul className="card-not-found-nearest">
            {details.nearest.map((near) => (
              <li key={`${near.system}|${near.code}`}>
                <Link
                  href={cardHref(near.code, {
                    system: near.system,
                    dos: details.dos,
                    ...(setting ? { setting } : {}),
                    lang,
                  })}
                >
                  <bdi>{near.code}</bdi>
                </Link>{' '}
                <bdi>{near.description}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">{t('card.notFound.hint')}</p>
    </section>
  );
}
