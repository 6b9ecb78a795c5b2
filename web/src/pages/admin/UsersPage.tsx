import { useState } from 'react';
import type { Member } from '../../../../src/contracts/access.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import { AdminNav } from './AdminNav.tsx';
import { ConfirmDialog, type Confirmation } from './ConfirmDialog.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MembersTable } from './MembersTable.tsx';
import { api } from '../../api/client.ts';

/** The organization's members (role, removal) and invitations. */
export function UsersPage() {
  const t = useT();
  const members = useApi<{ members: Member[] }>('/api/admin/members', { keepDataOnError: true });
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [status, setStatus] = useState('');

  const askRemove = (member: Member) =>
    setConfirmation({
      title: t('users.remove.title'),
      body: t('users.remove.body', { email: member.email }),
      confirm: t('users.remove.confirm', { email: member.email }),
      run: async () => {
        await api(`/api/admin/members/${encodeURIComponent(member.id)}`, { method: 'DELETE' });
        setStatus(t('users.removed', { email: member.email }));
        members.reload();
      },
    });

  return (
    <div className="admin-page">
      <AdminNav />
      <h1>{t('users.title')}</h1>
      <div className="visually-hidden" role="status">
        {status}
      </div>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('users.members')}</h2>
        {members.error && <LoadError message={members.error.message} onRetry={members.reload} />}
        {!members.data && !members.error && <p aria-busy="true">{t('shell.loading')}</p>}
        {members.data && (
          <MembersTable
            members={members.data.members}
            onRoleChanged={(member, role) =>
              setStatus(t('users.roleChanged', { email: member.email, role: t(`role.${role}`) }))
            }
            onRemove={askRemove}
          />
        )}
      </section>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('users.invite.heading')}</h2>
        <InviteForm />
      </section>
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </div>
  );
}
