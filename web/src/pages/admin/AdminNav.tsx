import { Link, useLocation } from '../../app/router.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import './admin.css';

const sections = [
  { href: '/admin/users', key: 'admin.nav.users' },
  { href: '/admin/api-keys', key: 'admin.nav.apiKeys' },
  { href: '/admin/audit', key: 'admin.nav.audit' },
  { href: '/admin/reference-data', key: 'admin.nav.reference' },
  { href: '/admin/ehr', key: 'ehr.admin.nav' },
] as const;

/** The administration pages' own navigation, above each page's heading. */
export function AdminNav() {
  const t = useT();
  const { path } = useLocation();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      {sections.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={
            path === section.href || (path === '/admin' && section.href === '/admin/users')
              ? 'page'
              : undefined
          }
        >
          {t(section.key)}
        </Link>
      ))}
    </nav>
  );
}
