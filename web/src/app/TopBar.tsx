import type { Health } from '../../../src/contracts/health.ts';
import { localeCodes, type LocaleCode } from '../../../src/domain/locale.ts';
import { useApi } from '../api/use-api.ts';
import { endonyms } from '../i18n/endonyms.ts';
import { useLocale } from '../i18n/locale-context.tsx';
import { NavLinks } from './NavLinks.tsx';
import { Link, useLocation } from './router.tsx';
import { useSession } from './session/session-context.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The app's navigation (what the role may use), the user menu, the language and the version. */
export function TopBar() {
  const { locale, setLocale, t } = useLocale();
  const { path } = useLocation();
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.me : null;
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
        {me && <NavLinks role={me.org.role} current={current} />}
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
        {me && <UserMenu me={me} />}
        {version && (
          <span className="version" title={t('shell.version')}>
            v{version}
          </span>
        )}
      </div>
    </header>
  );
}
