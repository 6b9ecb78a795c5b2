import type { ApiKey } from '../../../../src/contracts/access.ts';
import { formatInstant } from '../../i18n/format-date.ts';
import { useLocale } from '../../i18n/locale-context.tsx';

/** One row a key: name, role, prefix (to recognise it), created, last used, revoked. */
export function ApiKeyTable({
  keys,
  onRevoke,
}: {
  keys: ApiKey[];
  onRevoke: (key: ApiKey) => void;
}) {
  const { t, locale } = useLocale();
  const when = (iso: string | null, never: string) => (iso ? formatInstant(iso, locale) : never);
  return (
    <div className="table-scroll">
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('keys.col.name')}</th>
            <th scope="col">{t('keys.col.role')}</th>
            <th scope="col">{t('keys.col.prefix')}</th>
            <th scope="col">{t('keys.col.created')}</th>
            <th scope="col">{t('keys.col.lastUsed')}</th>
            <th scope="col">{t('keys.col.revoked')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>{t(`role.${key.role}`)}</td>
              <td>
                <code>{key.prefix}</code>
              </td>
              <td>{formatInstant(key.createdAt, locale)}</td>
              <td>{when(key.lastUsedAt, t('keys.never'))}</td>
              <td>{when(key.revokedAt, t('keys.active'))}</td>
              <td>
                {!key.revokedAt && (
                  <button type="button" className="secondary" onClick={() => onRevoke(key)}>
                    {t('keys.revoke.button')}
                    <span className="visually-hidden"> {key.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
