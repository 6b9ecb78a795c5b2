import type { EhrCase } from '../../../../src/contracts/ehr.ts';
import { Link } from '../../app/router.tsx';
import { cardHref } from '../../components/code-links.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { OriginTag } from './OriginTag.tsx';

/** The encounter's diagnoses, as the chart codes them. */
export function CaseDiagnoses({ ehrCase }: { ehrCase: EhrCase }) {
  const { t } = useLocale();
  return (
    <section className="case-section" aria-labelledby="case-diagnoses">
      <h2 id="case-diagnoses">
        {t('ehr.case.diagnoses')} <OriginTag origin="chart" />
      </h2>
      {ehrCase.diagnoses.length === 0 ? (
        <p className="muted">{t('ehr.case.noDiagnoses')}</p>
      ) : (
        <ul className="case-list">
          {ehrCase.diagnoses.map((diagnosis) => (
            <li key={`${diagnosis.from.resourceType}/${diagnosis.from.id}/${diagnosis.code}`}>
              <Link
                href={cardHref(diagnosis.code, { system: 'icd10cm', dos: ehrCase.dateOfService })}
              >
                <code>{diagnosis.code}</code>
              </Link>
              {diagnosis.display && <span dir="auto"> {diagnosis.display}</span>}{' '}
              <span className="muted">
                {t('ehr.case.from', {
                  resource: `${diagnosis.from.resourceType}/${diagnosis.from.id}`,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The encounter's procedures: code (to its card for the case's date and setting), modifiers, units. */
export function CaseProcedures({ ehrCase }: { ehrCase: EhrCase }) {
  const { t } = useLocale();
  return (
    <section className="case-section" aria-labelledby="case-procedures">
      <h2 id="case-procedures">
        {t('ehr.case.procedures')} <OriginTag origin="chart" />
      </h2>
      {ehrCase.procedures.length === 0 ? (
        <p className="muted">{t('ehr.case.noProcedures')}</p>
      ) : (
        <div className="table-scroll">
          <table className="case-procedures">
            <caption className="visually-hidden">{t('ehr.case.procedures')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ehr.col.code')}</th>
                <th scope="col">{t('ehr.col.modifiers')}</th>
                <th scope="col">{t('ehr.col.units')}</th>
                <th scope="col">{t('ehr.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {ehrCase.procedures.map((procedure, i) => (
                <tr
                  key={`${procedure.from.resourceType}/${procedure.from.id}/${procedure.code}/${i}`}
                >
                  <th scope="row">
                    <Link
                      href={cardHref(procedure.code, {
                        system: procedure.system,
                        dos: ehrCase.dateOfService,
                        setting: ehrCase.setting,
                      })}
                      aria-label={t('ehr.case.openCard', { code: procedure.code })}
                    >
                      <code>{procedure.code}</code>
                    </Link>
                    {procedure.display && (
                      <div className="muted" dir="auto">
                        {procedure.display}
                      </div>
                    )}
                  </th>
                  <td>
                    {procedure.modifiers.length > 0
                      ? procedure.modifiers.map((modifier) => (
                          <code key={modifier}>{modifier} </code>
                        ))
                      : '—'}
                  </td>
                  <td>{procedure.units}</td>
                  <td>
                    {t(`ehr.status.${procedure.status}`)}
                    <div className="muted">
                      {t('ehr.case.from', {
                        resource: `${procedure.from.resourceType}/${procedure.from.id}`,
                      })}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** What the chart had that Codecard could not use, and why. */
export function CaseSkipped({ ehrCase }: { ehrCase: EhrCase }) {
  const { t } = useLocale();
  if (ehrCase.skipped.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="case-skipped">
      <h2 id="case-skipped">
        {t('ehr.case.skipped')} <OriginTag origin="chart" />
      </h2>
      <ul className="case-list">
        {ehrCase.skipped.map((skipped, i) => (
          <li key={`${skipped.from.resourceType}/${skipped.from.id}/${i}`}>
            <code>{`${skipped.from.resourceType}/${skipped.from.id}`}</code>{' '}
            <span dir="auto">{skipped.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
