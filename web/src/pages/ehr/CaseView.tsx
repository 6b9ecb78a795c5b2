import type { EhrCase } from '../../../../src/contracts/ehr.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { ClaimFindings } from '../check/FindingsReport.tsx';
import { CaseDiagnoses, CaseProcedures, CaseSkipped } from './CaseFacts.tsx';
import { OriginTag } from './OriginTag.tsx';
import '../check/check.css';
import './ehr.css';

/**
 * One encounter from the chart and the claim check run on it: the date, the setting and what
 * decided it, the diagnoses and procedures (from the chart), what was skipped, then the
 * findings with the library rows they rest on (from your library).
 */
export function CaseView({ ehrCase }: { ehrCase: EhrCase }) {
  const { t } = useLocale();
  // The check's lines are the case's procedures, in order: "62264", "77003 XS".
  const labels = ehrCase.procedures.map((p) => [p.code, ...p.modifiers].join(' '));
  return (
    <article className="case-view" aria-labelledby="case-title">
      <header>
        <h1 id="case-title">{t('ehr.case.title')}</h1>
        <dl className="case-context">
          <div>
            <dt>{t('ehr.case.dos')}</dt>
            <dd>
              <time dateTime={ehrCase.dateOfService}>{ehrCase.dateOfService}</time>{' '}
              <OriginTag origin="chart" />
            </dd>
          </div>
          <div>
            <dt>{t('ehr.case.setting')}</dt>
            <dd>
              {t(`check.setting.${ehrCase.setting}`)} <OriginTag origin="chart" />
              <div className="muted">
                {t('ehr.case.settingFrom')} <bdi>{ehrCase.settingFrom}</bdi>
              </div>
            </dd>
          </div>
        </dl>
      </header>
      <CaseDiagnoses ehrCase={ehrCase} />
      <CaseProcedures ehrCase={ehrCase} />
      <CaseSkipped ehrCase={ehrCase} />
      <section className="case-section case-findings" aria-labelledby="case-check">
        <h2 id="case-check">
          {t('ehr.case.check')} <OriginTag origin="library" />
        </h2>
        <p className="muted">{t('ehr.case.checkIntro')}</p>
        <ClaimFindings result={ehrCase.check} labels={labels} level={3} idPrefix="case-result" />
      </section>
    </article>
  );
}
