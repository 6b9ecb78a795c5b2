import type { EhrCase } from '../../../../src/contracts/ehr.ts';
import { hasEhrCase } from '../../api/ehr-session.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { caseFailure } from './case-errors.ts';
import { GatedCase } from './GatedCase.tsx';
import { CaseView } from './CaseView.tsx';
import { EhrSessionEnded } from './EhrSessionEnded.tsx';
import './ehr.css';

/** `/case`: the encounter the EHR launched Codecard for (the case token this tab holds). */
export function CasePage() {
  const { t, locale } = useLocale();
  const held = hasEhrCase();
  // In the reader's language: the check's findings and the chart's skip reasons come worded.
  const load = useApi<EhrCase>(held ? `/api/ehr/case?lang=${encodeURIComponent(locale)}` : null);
  if (!held) return <EhrSessionEnded />;
  if (load.error) {
    const failure = caseFailure(load.error);
    if (failure === 'gated') return <GatedCase />;
    if (failure === 'ended') return <EhrSessionEnded />;
    return (
      <>
        <h1>{t('ehr.case.title')}</h1>
        <LoadError message={load.error.message} onRetry={load.reload} />
      </>
    );
  }
  if (!load.data) return <p aria-busy="true">{t('ehr.case.loading')}</p>;
  return <CaseView ehrCase={load.data} />;
}
