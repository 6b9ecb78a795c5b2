import { useState } from 'react';
import type { Me, SetupStatus } from '../../../../src/contracts/access.ts';
import { postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { useSession } from '../../app/session/session-context.tsx';
import { safeNext } from '../../app/session/sign-in-path.ts';
import { StackedForm } from '../../components/StackedForm.tsx';
import { FormField } from '../../components/FormField.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { useT } from '../../i18n/locale-context.tsx';
import { validateSignIn } from './sign-in-form.ts';
import { signInFailure } from './sign-in-failure.ts';

/** Email and password (or SSO when the server offers it); back to where the user was after. */
export function SignInPage() {
  const t = useT();
  const { query } = useLocation();
  const session = useSession();
  // SSO is offered only when the server says it is configured; a failed status shows none.
  const sso = useApi<SetupStatus>('/api/auth/status').data?.sso ?? false;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormSubmit();
  const reason = query.get('reason');
  const ssoError = query.get('sso_error');
  const next = safeNext(query.get('next'));

  const signIn = () =>
    form.submit(
      validateSignIn({ email, password }),
      async () => {
        const me = await postJson<Me>('/api/auth/sign-in', { email: email.trim(), password });
        session.signedIn(me);
        navigate(next, { replace: true });
      },
      (error) => {
        const failure = signInFailure(error);
        return t(failure.key, failure.values);
      },
    );

  const ssoLink = sso && (
    <a
      className="button-link secondary"
      href={`/api/auth/sso/start?returnTo=${encodeURIComponent(next)}`}
    >
      {t('signIn.sso')}
    </a>
  );

  return (
    <div className="sign-in-page">
      <h1>{t('signIn.title')}</h1>
      {reason === 'expired' && <p className="notice">{t('signIn.expired')}</p>}
      {ssoError && (
        <p className="notice" role="alert">
          {t('signIn.ssoFailed', { code: ssoError.slice(0, 40) })}
        </p>
      )}
      {reason === 'signed-out' && (
        <p className="notice" role="status">
          {t('signIn.signedOut')}
        </p>
      )}
      <StackedForm
        form={form}
        onSubmit={signIn}
        submitLabel={form.busy ? t('signIn.busy') : t('signIn.submit')}
        extraActions={ssoLink}
      >
        <FormField id="sign-in-email" label={t('signIn.email')} problems={form.problems}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="sign-in-password" label={t('signIn.password')} problems={form.problems}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
      </StackedForm>
    </div>
  );
}
