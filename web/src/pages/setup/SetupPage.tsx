import { useState } from 'react';
import type { InviteInfo, Me } from '../../../../src/contracts/access.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session/session-context.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useT, type Translate } from '../../i18n/locale-context.tsx';
import { SetupForm } from './SetupForm.tsx';
import { PASSWORD_MAX, PASSWORD_MIN, setupFailureKey, tokenFromHash } from './setup-form.ts';

const describe = (t: Translate, error: Error) => {
  const key = error instanceof ApiError ? setupFailureKey(error.code) : null;
  return key
    ? t(key, { min: PASSWORD_MIN, max: PASSWORD_MAX })
    : t('common.error', { message: error.message });
};

/**
 * Redeems an invite or the first-start setup link (`/setup#token=…`): says what it grants,
 * creates the account and lands signed in.
 */
export function SetupPage() {
  const t = useT();
  const session = useSession();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const invite = useApi<InviteInfo>(
    token ? `/api/auth/invites?token=${encodeURIComponent(token)}` : null,
  );

  const create = async (account: { email: string; displayName: string; password: string }) => {
    const me = await postJson<Me>('/api/auth/invites', { token, ...account });
    session.signedIn(me);
    navigate('/', { replace: true });
  };

  return (
    <div className="setup-page">
      <h1>{t('setup.title')}</h1>
      {!token && <p role="alert">{t('setup.noToken')}</p>}
      {invite.loading && <p aria-busy="true">{t('shell.loading')}</p>}
      {invite.error && <LoadError message={describe(t, invite.error)} />}
      {invite.data && (
        <>
          <p className="notice">
            {t('setup.grants', { role: t(`role.${invite.data.role}`), org: invite.data.orgId })}
            {invite.data.instanceAdmin && ` ${t('setup.instanceAdmin')}`}
          </p>
          <SetupForm
            invitedEmail={invite.data.email}
            onCreate={create}
            describe={(error) => describe(t, error)}
          />
        </>
      )}
    </div>
  );
}
