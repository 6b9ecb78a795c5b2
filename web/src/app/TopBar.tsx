import type { Health } from '../../../src/contracts/health.ts';
import { localeCodes, type LocaleCode } from '../../../src/domain/locale.ts';
import { useApi } from '../api/use-api.ts';
import { endonyms } from '../i18n/endonyms.ts';
import { useLocale } from '../i18n/locale-context.tsx';
import { Link, navigate, useLocation } from './router.tsx';

/** The app's navigation, the language menu and the server's version. */
export function TopBar() {
  const { locale, setLocale, t } = useLocale();
  const { path } = useLocation();
  // The version is a courtesy: a failed health check shows none.
  const version = useApi<Health>('/api/health').data?.version ?? '';
  const current = (prefix: string) =>
    (prefix === '/' ? path === '/' || path.startsWith('/threads') : path.startsWith(prefix))
      ? 'page'
      : undefined;
  return (
    <header className="top-bar">
      <nav aria-label={t('shell.navigation')}>
        <Link href="/" className="brand">
          Codecard
        </Link>
        <button
          type="button"
          className="start-new"
          onClick={() => {
            // Start New always opens a fresh thread, even from the ask page itself.
            navigate(`/?new=${Date.now()}`);
          }}
        >
          {t('shell.startNew')}
        </button>
        <Link href="/check" aria-current={current('/check')}>
          {t('shell.check')}
        </Link>
        <Link href="/library" aria-current={current('/library')}>
          {t('shell.library')}
        </Link>
        <Link href="/performance" aria-current={current('/performance')}>
          {t('shell.performance')}
        </Link>
      </nav>
      <div className="top-bar-end">
        <div className="language">
          <label htmlFor="language-select">{t('shell.language')}</label>
          <select
            id="language-select"
            value={locale}
            onChange={(e) => setLocale(e.target.value as LocaleCode)}
          >
            {localeCodes.map((code) => (
              <option key={code} value={code} lang={code}>
                {endonyms[code]}
              </option>
            ))}
          </select>
        </div>
        {version && (
          <span className="version" title={t('shell.version')}>
            v{version}
          </span>
        )}
      </div>
    </header>
  );
}
