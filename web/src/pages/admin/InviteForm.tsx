import { useState } from 'react';
import type { Role } from '../../../../src/domain/role.ts';
import { postJson } from '../../api/client.ts';
import { StackedForm } from '../../components/StackedForm.tsx';
import { FormField } from '../../components/FormField.tsx';
import type { FieldProblems } from '../../components/form-problems.ts';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { useT } from '../../i18n/locale-context.tsx';
import { OneTimeSecret } from './OneTimeSecret.tsx';
import { RoleSelect } from './RoleSelect.tsx';

/** Invites someone with a role: a one-time link (for an email, or for whoever opens it). */
export function InviteForm() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [link, setLink] = useState<string | null>(null);
  const form = useFormSubmit();

  const invite = () => {
    const problems: FieldProblems = new Map();
    const address = email.trim();
    if (address && !address.includes('@'))
      problems.set('invite-email', { key: 'users.invite.emailInvalid' });
    return form.submit(
      problems,
      async () => {
        setLink(null);
        const created = await postJson<{ token: string }>('/api/admin/invites', {
          ...(address ? { email: address } : {}),
          role,
        });
        setLink(`${window.location.origin}/setup#token=${encodeURIComponent(created.token)}`);
      },
      (error) => t('common.error', { message: error.message }),
    );
  };

  return (
    <>
      <StackedForm form={form} onSubmit={invite} submitLabel={t('users.invite.submit')}>
        <FormField
          id="invite-email"
          label={t('users.invite.email')}
          hint={t('users.invite.emailHint')}
          problems={form.problems}
        >
          {(props) => (
            <input
              {...props}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="invite-role" label={t('users.invite.role')} problems={form.problems}>
          {(props) => <RoleSelect {...props} value={role} onRole={setRole} />}
        </FormField>
      </StackedForm>
      {link && (
        <OneTimeSecret
          label={t('users.invite.link')}
          warning={t('users.invite.once')}
          value={link}
          copyLabel={t('users.invite.copy')}
        />
      )}
    </>
  );
}
