import type { ReactElement } from 'react';
import type { Role } from '../../../src/domain/role.ts';
import { roleIncludes } from '../../../src/domain/role.ts';
import { useT } from '../i18n/locale-context.tsx';
import { lazyPage } from './lazy-page.tsx';
import { matchPath, useLocation } from './router.tsx';

// Every page is its own chunk: the first load carries the shell and the page it opens.
const AskPage = lazyPage(() => import('../pages/ask/AskPage.tsx').then((m) => m.AskPage));
const CardPage = lazyPage(() => import('../pages/card/CardPage.tsx').then((m) => m.CardPage));
const SourcePage = lazyPage(() =>
  import('../pages/source/SourcePage.tsx').then((m) => m.SourcePage),
);
const CheckPage = lazyPage(() => import('../pages/check/CheckPage.tsx').then((m) => m.CheckPage));
const LibraryPage = lazyPage(() =>
  import('../pages/library/LibraryPage.tsx').then((m) => m.LibraryPage),
);
const DocumentPage = lazyPage(() =>
  import('../pages/library/DocumentPage.tsx').then((m) => m.DocumentPage),
);
const PerformancePage = lazyPage(() =>
  import('../pages/performance/PerformancePage.tsx').then((m) => m.PerformancePage),
);
const UsersPage = lazyPage(() => import('../pages/admin/UsersPage.tsx').then((m) => m.UsersPage));
const ApiKeysPage = lazyPage(() =>
  import('../pages/admin/ApiKeysPage.tsx').then((m) => m.ApiKeysPage),
);
const AuditPage = lazyPage(() => import('../pages/admin/AuditPage.tsx').then((m) => m.AuditPage));
const ReferenceDataPage = lazyPage(() =>
  import('../pages/admin/ReferenceDataPage.tsx').then((m) => m.ReferenceDataPage),
);
const CasePage = lazyPage(() => import('../pages/ehr/CasePage.tsx').then((m) => m.CasePage));
const EhrAdminPage = lazyPage(() =>
  import('../pages/ehr/EhrAdminPage.tsx').then((m) => m.EhrAdminPage),
);

/** The signed-in app's pages; one the role may not use says so instead of failing. */
export function Page({ role }: { role: Role }) {
  const { path } = useLocation();
  const t = useT();
  const needs = (needed: Role, page: ReactElement) =>
    roleIncludes(role, needed) ? (
      page
    ) : (
      <p role="alert">
        {t('shell.notAllowed', { role: t(`role.${role}`), needed: t(`role.${needed}`) })}
      </p>
    );
  let params: Record<string, string> | null;
  if (path === '/' || matchPath('/threads/:id', path)) return <AskPage />;
  if ((params = matchPath('/codes/:system/:code', path)))
    return <CardPage system={params.system!} code={params.code!} />;
  if ((params = matchPath('/sources/:documentId', path)))
    return <SourcePage documentId={Number(params.documentId)} />;
  if (path === '/check') return needs('coder', <CheckPage />);
  if (path === '/library') return <LibraryPage />;
  if ((params = matchPath('/library/:id', path))) return <DocumentPage id={Number(params.id)} />;
  if (path === '/performance') return needs('admin', <PerformancePage />);
  if (path === '/admin' || path === '/admin/users') return needs('admin', <UsersPage />);
  if (path === '/admin/api-keys') return needs('admin', <ApiKeysPage />);
  if (path === '/admin/audit') return needs('admin', <AuditPage />);
  if (path === '/admin/reference-data') return needs('admin', <ReferenceDataPage />);
  if (path === '/case') return <CasePage />;
  if (path === '/admin/ehr') return needs('admin', <EhrAdminPage />);
  return <p role="alert">{t('shell.notFound')}</p>;
}
