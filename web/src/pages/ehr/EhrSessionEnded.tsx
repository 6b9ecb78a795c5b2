import { useT } from '../../i18n/locale-context.tsx';

/** The EHR session is over (its case token expired or is gone): the way back is the chart. */
export function EhrSessionEnded() {
  const t = useT();
  return (
    <div role="alert" className="ehr-note">
      <h1>{t('ehr.ended.title')}</h1>
      <p>{t('ehr.ended.text')}</p>
    </div>
  );
}
