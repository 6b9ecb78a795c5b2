import { useSession } from '../../app/session/session-context.tsx';
import { useT } from '../../i18n/locale-context.tsx';

/** No account exists yet: where the one-time setup link is, and the CLI alternative. */
export function SetupRequiredPage() {
  const t = useT();
  const { reload } = useSession();
  return (
    <div className="setup-required-page">
      <h1>{t('setupRequired.title')}</h1>
      <p>{t('setupRequired.link')}</p>
      <p>
        {t('setupRequired.cli')} <code>codecard user add EMAIL --password-stdin</code>
      </p>
      <button type="button" className="secondary" onClick={reload}>
        {t('setupRequired.again')}
      </button>
    </div>
  );
}
