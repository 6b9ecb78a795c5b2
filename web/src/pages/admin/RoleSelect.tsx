import type { SelectHTMLAttributes } from 'react';
import { ROLES, isRole, type Role } from '../../../../src/domain/role.ts';
import { useT } from '../../i18n/locale-context.tsx';

/** A choice of role, in the reader's language, lowest first. */
export function RoleSelect({
  value,
  onRole,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: Role;
  onRole: (role: Role) => void;
}) {
  const t = useT();
  return (
    <select
      {...rest}
      value={value}
      onChange={(event) => {
        if (isRole(event.target.value)) onRole(event.target.value);
      }}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </select>
  );
}
