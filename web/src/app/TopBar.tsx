import { useEffect } from 'react';
import type { Health } from '../../../src/contracts/health.ts';
import { localeCodes, type LocaleCode } from '../../../src/domain/locale.ts';
import { useApi } from '../api/use-api.ts';
import { endonyms } from '../i18n/endonyms.ts';
import { useLocale } from '../i18n/locale-context.tsx';
import { NavLinks } from './NavLinks.tsx';
import { Link, useLocation } from './router.tsx';
import { useSession } from './session/session-context.tsx';
import { ThemeSelect } from './ThemeSelect.tsx';
import { useDisclosure } from './use-disclosure.ts';
import { UserMenu } from './UserMenu.tsx';

/**
 * The app's navigation (what the role may use), the user menu, the language, the theme and the
 * version. On a phone (global.css) all but the name sit behind a Menu button (a disclosure), so
 * the bar stays one line high.
 */
export function TopBar() {
  const { locale, setLocale, t } = useLocale();
  const { path } = useLocation();
  const { state } = useSession();
  const menu = useDisclosure();
  const { setOpen } = menu;
  const me = state.status === 'signed-in' ? state.me : null;
  // The version is a courtesy: a failed health check shows none.
  const version = useApi<Health>('/api/health').data?.version ?? '';
  const current = (prefix: string) =>
    (prefix === '/' ? path === '/' || path.startsWith('/threads') : path.startsWith(prefix))
      ? 'page'
      : undefined;
  // Following a link closes the phone menu (the new page takes the focus).
  useEffect(() => setOpen(false), [path, setOpen]);
  return (
    <header className="top-bar">
      <Link href="/" className="brand">
        Codecard
      </Link>
      <div className="top-bar-menu" ref={menu.root}>
        <button
          ref={menu.button}
          type="button"
          className="secondary menu-button"
          aria-expanded={menu.open}
          aria-controls={menu.panelId}
          onClick={() => setOpen((now) => !now)}
        >
          <span aria-hidden="true">☰ </span>
          {t('shell.menu')}
        </button>
        <div id={menu.panelId} className={menu.open ? 'top-bar-panel open' : 'top-bar-panel'}>
          <nav aria-label={t('shell.navigation')}>
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
            <ThemeSelect />
            {me && <UserMenu me={me} />}
            {version && (
              <span className="version" title={t('shell.version')}>
                v{version}
              </span>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
