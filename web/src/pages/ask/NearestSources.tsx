import type { Answer } from '../../../../src/contracts/ask.ts';
import { Link } from '../../app/router.tsx';
import { cardHref } from '../../components/code-links.ts';
import { useT } from '../../i18n/locale-context.tsx';

/** For a refusal: the nearest codes and documents the library does have. */
export function NearestSources({ nearest }: { nearest: NonNullable<Answer['nearest']> }) {
  const t = useT();
  if (nearest.codes.length === 0 && nearest.documents.length === 0) return null;
  return (
    <div className="nearest">
      {nearest.codes.length > 0 && (
        <>
          <h3>{t('ask.nearestCodes')}</h3>
          <ul className="inline-list">
            {nearest.codes.map((code) => (
              <li key={code}>
                <Link href={cardHref(code)} aria-label={t('ask.openCard', { code })}>
                  {code}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {nearest.documents.length > 0 && (
        <>
          <h3>{t('ask.nearestDocuments')}</h3>
          <ul>
            {nearest.documents.map((document) => (
              <li key={document.documentId}>
                <Link href={`/library/${document.documentId}`}>{document.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
