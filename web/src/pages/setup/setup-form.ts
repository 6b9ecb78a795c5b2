import type { FieldProblems } from '../../components/form-problems.ts';

/** The server's password rule (WEAK_PASSWORD), checked before it is asked. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

export interface SetupDraft {
  email: string;
  displayName: string;
  password: string;
  confirm: string;
}

export function validateSetup(draft: SetupDraft): FieldProblems {
  const problems: FieldProblems = new Map();
  if (!draft.email.trim()) problems.set('setup-email', { key: 'setup.emailRequired' });
  else if (!draft.email.includes('@')) problems.set('setup-email', { key: 'setup.emailInvalid' });
  if (draft.password.length < PASSWORD_MIN || draft.password.length > PASSWORD_MAX)
    problems.set('setup-password', {
      key: 'setup.passwordLength',
      values: { min: PASSWORD_MIN, max: PASSWORD_MAX },
    });
  else if (draft.confirm !== draft.password)
    problems.set('setup-confirm', { key: 'setup.confirmMismatch' });
  return problems;
}

/** The invite's token from the address's fragment (`/setup#token=cci_…`): never sent to a server log. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

/** A refused account as a message key (the error codes the invite route answers with). */
export function setupFailureKey(code: string): string | null {
  const keys: Record<string, string> = {
    INVITE_INVALID: 'setup.inviteInvalid',
    WEAK_PASSWORD: 'setup.passwordLength',
    EMAIL_TAKEN: 'setup.emailTaken',
    SETUP_LOOPBACK_ONLY: 'setup.loopbackOnly',
  };
  return keys[code] ?? null;
}
