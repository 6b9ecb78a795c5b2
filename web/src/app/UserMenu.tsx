import { useState } from 'react';
import type { Me } from '../../../src/contracts/access.ts';
import { messageOf } from '../api/use-api.ts';
import { useT } from '../i18n/locale-context.tsx';
import { useSession } from './session/session-context.tsx';
import { useDisclosure } from './use-disclosure.ts';

/**
 * Who is signed in (email, organization, role) as a menu button; the menu signs out of this
 * browser or everywhere. A disclosure (use-disclosure.ts).
 */
export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const { signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const { open, setOpen, root, button, panelId } = useDisclosure();

  const leave = (everywhere: boolean) => {
    setError(null);
    signOut(everywhere).catch((failure: unknown) => setError(messageOf(failure)));
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="secondary user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((now) => !now)}
      >
        <span className="user-email">{me.user.email}</span>
        <span className="user-org">
          {t('user.orgRole', { org: me.org.name, role: t(`role.${me.org.role}`) })}
        </span>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open}>
        <button type="button" className="secondary" onClick={() => leave(false)}>
          {t('user.signOut')}
        </button>
        <button type="button" className="secondary" onClick={() => leave(true)}>
          {t('user.signOutEverywhere')}
        </button>
        {error && (
          <p role="alert" className="error">
            {t('common.error', { message: error })}
          </p>
        )}
      </div>
    </div>
  );
}
