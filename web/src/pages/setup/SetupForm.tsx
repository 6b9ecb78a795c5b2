import { useState } from 'react';
import { StackedForm } from '../../components/StackedForm.tsx';
import { FormField } from '../../components/FormField.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { useT } from '../../i18n/locale-context.tsx';
import { PASSWORD_MAX, PASSWORD_MIN, validateSetup } from './setup-form.ts';

interface Account {
  email: string;
  displayName: string;
  password: string;
}

/** The new account: email (fixed when the invite names one), display name, password twice. */
export function SetupForm({
  invitedEmail,
  onCreate,
  describe,
}: {
  invitedEmail: string | null;
  onCreate: (account: Account) => Promise<void>;
  describe: (error: Error) => string;
}) {
  const t = useT();
  const [email, setEmail] = useState(invitedEmail ?? '');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormSubmit();
  const draft = { email, displayName, password, confirm };

  return (
    <>
      <StackedForm
        form={form}
        onSubmit={() =>
          form.submit(
            validateSetup(draft),
            () => onCreate({ email: email.trim(), displayName: displayName.trim(), password }),
            describe,
          )
        }
        submitLabel={form.busy ? t('setup.busy') : t('setup.submit')}
      >
        <FormField
          id="setup-email"
          label={t('setup.email')}
          hint={invitedEmail ? t('setup.emailFixed') : undefined}
          problems={form.problems}
        >
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              readOnly={invitedEmail !== null}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="setup-name" label={t('setup.displayName')} problems={form.problems}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="setup-password"
          label={t('setup.password')}
          hint={t('setup.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          problems={form.problems}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="setup-confirm" label={t('setup.confirm')} problems={form.problems}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </FormField>
      </StackedForm>
    </>
  );
}
