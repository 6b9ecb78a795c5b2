import { useState } from 'react';
import type { Member } from '../../../../src/contracts/access.ts';
import type { Role } from '../../../../src/domain/role.ts';
import { api } from '../../api/client.ts';
import { messageOf } from '../../api/use-api.ts';
import { formatInstant } from '../../i18n/format-date.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { RoleSelect } from './RoleSelect.tsx';

/** One row a member: who, their role (changed in place), how they sign in, since when. */
export function MembersTable({
  members,
  onRoleChanged,
  onRemove,
}: {
  members: Member[];
  onRoleChanged: (member: Member, role: Role) => void;
  onRemove: (member: Member) => void;
}) {
  const { t, locale } = useLocale();
  // Roles as changed here, before the list reloads; a refused change goes back.
  const [roles, setRoles] = useState<Record<string, Role>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const changeRole = async (member: Member, role: Role) => {
    const before = roles[member.id] ?? member.role;
    setRoles((now) => ({ ...now, [member.id]: role }));
    setFailure(null);
    try {
      await api(`/api/admin/members/${encodeURIComponent(member.id)}/role`, {
        method: 'PUT',
        body: JSON.stringify({ role }),
      });
      onRoleChanged(member, role);
    } catch (error) {
      setRoles((now) => ({ ...now, [member.id]: before }));
      setFailure(messageOf(error));
    }
  };

  return (
    <>
      {failure && (
        <p role="alert" className="error">
          {t('common.error', { message: failure })}
        </p>
      )}
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('users.col.email')}</th>
              <th scope="col">{t('users.col.name')}</th>
              <th scope="col">{t('users.col.role')}</th>
              <th scope="col">{t('users.col.signsIn')}</th>
              <th scope="col">{t('users.col.since')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.email}</th>
                <td>{member.displayName}</td>
                <td>
                  <RoleSelect
                    aria-label={t('users.roleOf', { email: member.email })}
                    value={roles[member.id] ?? member.role}
                    onRole={(role) => void changeRole(member, role)}
                  />
                </td>
                <td>{t(`users.signsIn.${member.signsInWith}`)}</td>
                <td>{formatInstant(member.createdAt, locale)}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => onRemove(member)}>
                    {t('users.remove.button')}
                    <span className="visually-hidden"> {member.email}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
