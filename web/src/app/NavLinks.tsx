import { roleIncludes, type Role } from '../../../src/domain/role.ts';
import { useT } from '../i18n/locale-context.tsx';
import { Link, navigate } from './router.tsx';

/** The navigation entries the role may use (the server refuses the others anyway). */
export function NavLinks({
  role,
  current,
}: {
  role: Role;
  current: (prefix: string) => 'page' | undefined;
}) {
  const t = useT();
  const may = (needed: Role) => roleIncludes(role, needed);
  return (
    <>
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
      {may('coder') && (
        <Link href="/check" aria-current={current('/check')}>
          {t('shell.check')}
        </Link>
      )}
      <Link href="/library" aria-current={current('/library')}>
        {t('shell.library')}
      </Link>
      {may('admin') && (
        <Link href="/performance" aria-current={current('/performance')}>
          {t('shell.performance')}
        </Link>
      )}
      {may('admin') && (
        <Link href="/admin/users" aria-current={current('/admin')}>
          {t('shell.admin')}
        </Link>
      )}
    </>
  );
}
