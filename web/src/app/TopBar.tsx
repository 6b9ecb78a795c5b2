import { useEffect, useState } from 'react';
import { localeCodes, type LocaleCode } from '../../../src/domain/locale.ts';
import { api } from '../api/client.ts';
import { useLocale } from '../i18n/locale-context.tsx';
import { Link, navigate, useLocation } from './router.tsx';

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
const endonyms: Record<LocaleCode, string> = {
  en: 'English',
  es: 'Español',
  zh: '中文',
  ru: 'Русский',
  ar: 'العربية',
  vi: 'Tiếng Việt',
  fr: 'Français',
  de: 'Deutsch',
  ko: '한국어',
  tl: 'Tagalog',
};

export function TopBar() {
  const { locale, setLocale, t } = useLocale();
  const { path } = useLocation();
  const [version, setVersion] = useState('');
  useEffect(() => {
    void api<{ version: string }>('/api/health').then(
      (health) => setVersion(health.version),
      () => setVersion(''),
    );
  }, []);
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
