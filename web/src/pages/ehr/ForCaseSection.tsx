import type { CaseAnswer } from '../../../../src/contracts/ehr.ts';
import { Citation } from '../../components/Citation.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { OriginTag } from './OriginTag.tsx';
import './ehr.css';

/**
 * "For this patient": the asked codes on the open EHR case (the encounter, its date and setting),
 * each fact labelled "From the chart" or "From your library", library facts with their rows.
 */
export function ForCaseSection({
  forCase,
  idPrefix,
  level = 2,
}: {
  forCase: CaseAnswer;
  /** Unique on the page (the heading's id). */
  idPrefix: string;
  /** The heading level: 2 on the card page, 3 under an Ask question. */
  level?: 2 | 3;
}) {
  const { t } = useLocale();
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = `${idPrefix}-for-case`;
  return (
    <section className="case-section for-case" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('ehr.forCase.title')}</Heading>
      <p className="muted">
        {t('ehr.forCase.context', {
          encounter: forCase.encounterId,
          date: forCase.dateOfService,
          setting: t(`check.setting.${forCase.setting}`),
        })}
      </p>
      <ul className="case-list for-case-facts">
        {forCase.facts.map((fact, i) => (
          <li key={`${fact.origin}-${i}`}>
            <OriginTag origin={fact.origin} /> <span dir="auto">{fact.text}</span>
            {fact.citations.length > 0 && (
              <ul className="for-case-citations">
                {fact.citations.map((citation, j) => (
                  <li key={`${citation.documentId}-${citation.locator}-${j}`}>
                    <Citation citation={citation} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
