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

/** A new API key with a name and a role; the key itself is shown here once. */
export function CreateKeyForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useFormSubmit();

  const create = () => {
    const problems: FieldProblems = new Map();
    if (!name.trim()) problems.set('key-name', { key: 'keys.create.nameRequired' });
    return form.submit(
      problems,
      async () => {
        setCreated(null);
        const answer = await postJson<{ name: string; key: string }>('/api/admin/api-keys', {
          name: name.trim(),
          role,
        });
        setCreated({ name: answer.name, key: answer.key });
        setName('');
        onCreated();
      },
      (error) => t('common.error', { message: error.message }),
    );
  };

  return (
    <>
      <StackedForm form={form} onSubmit={create} submitLabel={t('keys.create.submit')}>
        <FormField id="key-name" label={t('keys.create.name')} problems={form.problems}>
          {(props) => (
            <input {...props} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </FormField>
        <FormField id="key-role" label={t('keys.create.role')} problems={form.problems}>
          {(props) => <RoleSelect {...props} value={role} onRole={setRole} />}
        </FormField>
      </StackedForm>
      {created && (
        <OneTimeSecret
          label={t('keys.create.key', { name: created.name })}
          warning={t('keys.create.once')}
          value={created.key}
          copyLabel={t('keys.create.copy')}
        />
      )}
    </>
  );
}
