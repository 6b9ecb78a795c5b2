import type { Me } from '../../../src/contracts/access.ts';
import type { Role } from '../../../src/domain/role.ts';
import type { ApiAnswer, ApiCall } from '../pages/library/test-utils.tsx';

/** The caller `GET /api/auth/me` answers with in the shell's tests. */
export function meAs(role: Role, email = `${role}@example.org`): Me {
  const org = { id: 'default', name: 'Default clinic', role };
  return {
    user: { id: `u-${role}`, email, instanceAdmin: false },
    org,
    orgs: [org],
    via: 'session',
  };
}

/** Answers the shell's own requests (who is signed in, health, status); others go on. */
export function shellAnswers(me: Me | ApiAnswer, call: ApiCall): ApiAnswer {
  if (call.url === '/api/auth/me')
    return me && 'user' in me ? { body: me } : (me ?? { status: 401, body: signInRequired });
  if (call.url === '/api/health') return { body: { status: 'ok', version: '1.2.3' } };
  if (call.url === '/api/auth/status') return { body: { needsSetup: false, sso: false } };
  return undefined;
}

export const signInRequired = { error: { code: 'SIGN_IN_REQUIRED', message: 'sign in first' } };
